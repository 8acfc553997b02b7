import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { CrawlError, isCrawlError, redactUrl } from '../errors';
import type { AddressGuard, PinnedAddress } from './address-guard';
import type { UpstreamProxy } from './proxy-config';
import { openTunnel } from './proxy-tunnel';

/**
 * A forward proxy on 127.0.0.1 that the crawler's Chromium must use for every request. Playwright's `page.route`
 * never sees redirect hops after the first nor WebSockets; a proxy sees every connection the browser opens, so
 * each hop is resolved once, checked by the address guard and connected to that very address (DNS pinning).
 * Only callers presenting a token (`Proxy-Authorization: Basic`, one per browser context) may use it, and the
 * refusals are recorded per token so a fetch can tell "refused by the guard" from a network error.
 * With `upstream` (the egress identity's proxy, CRAWL_EGRESS_PROXIES) every checked connection is tunnelled
 * through it, CONNECT to the checked IP literal, as the HTTP client does (crawlers/net/proxy-tunnel.ts).
 */
export type EgressProxy = {
  /** `http://127.0.0.1:<port>` for Chromium's `--proxy-server`. */
  readonly server: string;
  /** A fresh credential for one browser context; refusals made for it are read with `refusals(token)`. */
  issueToken(): { username: string; password: string };
  refusals(username: string): CrawlError[];
  revokeToken(username: string): void;
  close(): Promise<void>;
};

const HOP_BY_HOP = [
  'connection',
  'proxy-connection',
  'proxy-authorization',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
const REFUSED_HEADER = 'x-xunjian-egress-refused';
export const EGRESS_REFUSED_HEADER = REFUSED_HEADER;
/** Tunnels (https, and the CONNECT Chromium uses for every WebSocket) go to 443 only, unless the host is allowlisted. */
const TUNNEL_PORTS = new Set(['443']);

export async function startEgressProxy(options: {
  guard: AddressGuard;
  connectTimeoutMs?: number;
  upstream?: UpstreamProxy;
}): Promise<EgressProxy> {
  const { guard, upstream: via } = options;
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  // A failing identity proxy is a network failure of the crawl, never a guard refusal.
  const dial = async (pinned: PinnedAddress, port: number) => {
    if (!via) return undefined;
    try {
      return await openTunnel(via, { address: pinned.address, port }, connectTimeoutMs);
    } catch (error) {
      throw new CrawlError('NETWORK', error instanceof Error ? error.message : String(error), { cause: error });
    }
  };
  const tokens = new Map<string, { password: string; refused: CrawlError[] }>();

  const authorize = (req: IncomingMessage) => {
    const header = req.headers['proxy-authorization'] ?? '';
    const [scheme, encoded] = header.split(' ');
    if (scheme?.toLowerCase() !== 'basic' || !encoded) return null;
    const [username, password] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
    const entry = username ? tokens.get(username) : undefined;
    return entry && entry.password === password ? entry : null;
  };
  const refuse = (entry: { refused: CrawlError[] }, error: unknown) => {
    const refusal = isCrawlError(error) ? error : new CrawlError('SSRF_REFUSED', String(error), { retryable: false });
    entry.refused.push(refusal);
    return refusal;
  };

  const server = createServer((req, res) => {
    const entry = authorize(req);
    if (!entry) return askForCredentials(res);
    void forward(req, res).catch((error: unknown) => {
      const refusal = refuse(entry, error);
      if (!res.headersSent)
        res.writeHead(refusal.kind === 'SSRF_REFUSED' ? 403 : 502, {
          [REFUSED_HEADER]: refusal.kind,
          connection: 'close',
        });
      res.end();
    });
  });

  async function forward(req: IncomingMessage, res: ServerResponse) {
    const target = new URL(req.url ?? '');
    if (target.protocol !== 'http:')
      throw new CrawlError('SSRF_REFUSED', `Refused proxied scheme ${target.protocol}`, { retryable: false });
    const pinned = await guard.resolve(target);
    const headers = { ...req.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const tunnelled = await dial(pinned, Number(target.port || 80));
    const upstream = httpRequest({
      ...(tunnelled ? { createConnection: () => tunnelled } : {}),
      host: pinned.address,
      family: pinned.family,
      port: target.port || 80,
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers: { ...headers, host: target.host },
      timeout: connectTimeoutMs,
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('timeout', () => upstream.destroy(new Error(`Upstream ${redactUrl(target.toString())} timed out`)));
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { connection: 'close' });
      res.end();
    });
    req.pipe(upstream);
  }

  // A plain-HTTP WebSocket (or any protocol switch) is never forwarded.
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    const entry = authorize(req);
    if (entry)
      refuse(
        entry,
        new CrawlError('SSRF_REFUSED', `Refused protocol upgrade to ${req.headers.upgrade ?? '?'}`, {
          retryable: false,
        }),
      );
    socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
  });

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on('error', () => client.destroy());
    const entry = authorize(req);
    if (!entry)
      return void client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm="egress"\r\n\r\n',
      );
    void tunnel(req.url ?? '', client, head).catch((error: unknown) => {
      refuse(entry, error);
      client.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
    });
  });

  async function tunnel(authority: string, client: Socket, head: Buffer) {
    const target = new URL(`https://${authority}`);
    const port = target.port || '443';
    if (!TUNNEL_PORTS.has(port) && !guard.isAllowlisted(target)) {
      throw new CrawlError('SSRF_REFUSED', `Refused tunnel to port ${port} of ${target.hostname}`, {
        retryable: false,
      });
    }
    const pinned = await guard.resolve(target);
    const splice = (upstream: Socket) => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    };
    const tunnelled = await dial(pinned, Number(port));
    const upstream =
      tunnelled ??
      netConnect({ host: pinned.address, port: Number(port), family: pinned.family, timeout: connectTimeoutMs });
    if (tunnelled) splice(tunnelled);
    else
      upstream.once('connect', () => {
        upstream.setTimeout(0);
        splice(upstream);
      });
    upstream.on('timeout', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  }

  // Tunnels are detached from the HTTP server: track every socket so close() really ends them.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    server: `http://127.0.0.1:${port}`,
    issueToken() {
      const username = randomBytes(9).toString('hex');
      const password = randomBytes(18).toString('hex');
      tokens.set(username, { password, refused: [] });
      return { username, password };
    },
    refusals: (username) => tokens.get(username)?.refused ?? [],
    revokeToken: (username) => void tokens.delete(username),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function askForCredentials(res: ServerResponse) {
  res.writeHead(407, { 'proxy-authenticate': 'Basic realm="egress"', connection: 'close' });
  res.end();
}
