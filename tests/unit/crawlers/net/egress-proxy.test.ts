import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressGuard } from '@/crawlers/net/address-guard';
import { startEgressProxy, type EgressProxy } from '@/crawlers/net/egress-proxy';

let upstream: Server;
let upstreamPort = 0;
let proxy: EgressProxy;
const lookups: string[] = [];

beforeAll(async () => {
  upstream = createServer((req, res) => res.end(`upstream ${req.headers.host} ${req.url}`));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamPort = (upstream.address() as AddressInfo).port;
  const guard = createAddressGuard({
    allowHosts: [`pinned.invalid:${upstreamPort}`],
    lookup: async (host) => {
      lookups.push(host);
      return host === 'pinned.invalid' ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.1.2.3', family: 4 }];
    },
  });
  proxy = await startEgressProxy({ guard });
});
afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

const proxyPort = () => Number(new URL(proxy.server).port);
const basic = (token: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${token.username}:${token.password}`).toString('base64')}`;

function viaProxy(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: proxyPort(), path: url, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function rawExchange(text: string) {
  return new Promise<string>((resolve) => {
    const socket = connect(proxyPort(), '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('close', () => resolve(answer));
  });
}

describe('egress proxy', () => {
  it('asks for credentials: it is no open relay for other local processes', async () => {
    expect((await viaProxy(`http://pinned.invalid:${upstreamPort}/a`)).status).toBe(407);
  });

  it('forwards to the address the guard resolved (a name the system resolver cannot resolve)', async () => {
    const token = proxy.issueToken();
    lookups.length = 0;
    const answer = await viaProxy(`http://pinned.invalid:${upstreamPort}/a?b=1`, {
      'proxy-authorization': basic(token),
    });
    expect(answer).toEqual({ status: 200, body: `upstream pinned.invalid:${upstreamPort} /a?b=1` });
    expect(lookups).toEqual(['pinned.invalid']);
  });

  it('refuses internal addresses and records the refusal for the token', async () => {
    const token = proxy.issueToken();
    const answer = await viaProxy('http://internal.invalid/x', { 'proxy-authorization': basic(token) });
    expect(answer.status).toBe(403);
    expect(proxy.refusals(token.username)).toMatchObject([{ kind: 'SSRF_REFUSED' }]);
  });

  it('refuses CONNECT to loopback and to non-443 ports, and every protocol upgrade', async () => {
    const auth = `Proxy-Authorization: ${basic(proxy.issueToken())}\r\n`;
    expect(await rawExchange(`CONNECT 127.0.0.1:${upstreamPort} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`)).toMatch(
      /^HTTP\/1.1 403/,
    );
    expect(await rawExchange(`CONNECT example.invalid:80 HTTP/1.1\r\nHost: x\r\n${auth}\r\n`)).toMatch(
      /^HTTP\/1.1 403/,
    );
    const upgrade = `GET http://pinned.invalid:${upstreamPort}/ws HTTP/1.1\r\nHost: pinned.invalid\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${auth}\r\n`;
    expect(await rawExchange(upgrade)).toMatch(/^HTTP\/1.1 403/);
  });
});
