import { connect as netConnect, isIP, type Socket } from 'node:net';
import type { UpstreamProxy } from './proxy-config';

const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * Opens a TCP tunnel through an egress identity's forward proxy (HTTP CONNECT) to an address the SSRF guard has
 * already checked. The CONNECT target is always that IP literal, never a host name, so the proxy cannot resolve
 * the name again (to a private address, or anywhere else). The proxy's own address is operator-configured and is
 * not checked by the guard: a proxy on a private network is the normal case.
 *
 * Failures reject with an Error naming the identity and `host:port` only (never the credentials); the HTTP client
 * maps it to a NETWORK crawl error like any other connection failure.
 */
export function openTunnel(
  proxy: UpstreamProxy,
  target: { address: string; port: number },
  timeoutMs: number,
): Promise<Socket> {
  const authority =
    isIP(target.address) === 6 ? `[${target.address}]:${target.port}` : `${target.address}:${target.port}`;
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: proxy.host, port: proxy.port });
    socket.setTimeout(timeoutMs);
    let answer = Buffer.alloc(0);
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new Error(`egress proxy ${proxy.identity} (${proxy.label}) ${reason}`));
    };
    // Read with 'readable' (not 'data' + pause): once the listener is removed the socket is neither flowing nor
    // paused, so whoever takes it over (undici, TLS, http.request) starts it by listening, as with a fresh socket.
    const onReadable = () => {
      for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read() as Buffer | null) {
        answer = Buffer.concat([answer, chunk]);
        const end = answer.indexOf('\r\n\r\n');
        if (end < 0) {
          if (answer.length > MAX_ANSWER_BYTES) return fail('sent an oversized answer to CONNECT');
          continue;
        }
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer.subarray(0, end).toString('latin1'))?.[1];
        if (!status?.startsWith('2'))
          return fail(`refused CONNECT to ${authority}: ${status ? `HTTP ${status}` : 'malformed answer'}`);
        settled = true;
        socket.off('readable', onReadable);
        socket.setTimeout(0);
        const rest = answer.subarray(end + 4);
        if (rest.length) socket.unshift(rest);
        return resolve(socket);
      }
    };
    socket.once('connect', () => {
      const auth = proxy.authorization();
      socket.write(
        `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`,
      );
    });
    socket.on('readable', onReadable);
    socket.once('timeout', () => fail('timed out'));
    socket.on('error', (error: NodeJS.ErrnoException) => fail(`unreachable: ${error.code ?? error.message}`));
    socket.once('close', () => fail('closed the connection before answering CONNECT'));
  });
}
