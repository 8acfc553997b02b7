// Production server (`npm start`): Next.js behind a thin Node HTTP server that decides the client address and
// scheme once, from the socket and TRUSTED_PROXY_HOPS, instead of letting forged X-Forwarded-* headers decide.
// Next's own `next start` keeps a client-sent X-Forwarded-For, so the sign-in limits and the audit log would
// trust it (issue 13 item 7). docs/security.md and docs/deploying.md describe the proxy setup.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import next from 'next';
import { applyClientAddress, parseTrustedHops } from './client-ip.mjs';

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const port = Number(arg('-p', process.env.PORT ?? '3000'));
const hostname = arg('-H', process.env.HOSTNAME ?? '0.0.0.0');
const hops = parseTrustedHops(process.env.TRUSTED_PROXY_HOPS);

// The app trusts only this header, whose name is random per process: a client cannot guess it, and under a plain
// `next start` (no such variable) no header is trusted at all.
const ipHeader = `x-xunjian-client-ip-${randomBytes(12).toString('hex')}`;
process.env.XUNJIAN_CLIENT_IP_HEADER = ipHeader;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  applyClientAddress(req.headers, { peer: req.socket.remoteAddress, hops, ipHeader });
  handle(req, res);
}).listen(port, hostname, () => {
  console.log(`xunjian: listening on http://${hostname}:${port} (trusted proxy hops: ${hops})`);
});
