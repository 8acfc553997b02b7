import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClientOptions, type HttpLogEntry } from '@/crawlers/http';
import type { LookupAll } from '@/crawlers/net/address-guard';
import { egressProxiesSchema, type UpstreamProxy } from '@/crawlers/net/proxy-config';
import {
  deadPort,
  startConnectProxy,
  TUNNEL_CERT,
  TUNNEL_KEY,
  type RecordingProxy,
} from '@/tests/helpers/connect-proxy';

// `.invalid` names never resolve through the system: only the guard's (injected) answer can be connected to.
const lookup: LookupAll = async (host) =>
  host === 'internal.invalid' ? [{ address: '10.0.0.7', family: 4 }] : [{ address: '127.0.0.1', family: 4 }];
const SECRET = 's3cr,et';
const CREDENTIALS = `crawler:${SECRET}`;

let target: Server;
let tls: TlsServer;
let port = 0;
let tlsPort = 0;
let proxy: RecordingProxy;
const servernames: (string | false | null)[] = [];

const listen = async (server: Server | TlsServer) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  target = createServer((req, res) => {
    if (req.url === '/to-private') return res.writeHead(302, { location: `http://internal.invalid:${port}/x` }).end();
    if (req.url === '/to-ip') return res.writeHead(302, { location: 'http://10.1.2.3/x' }).end();
    res.end(`hello ${req.headers.host}`);
  });
  port = await listen(target);
  tls = createTlsServer({ key: TUNNEL_KEY, cert: TUNNEL_CERT }, (req, res) => {
    servernames.push((req.socket as TLSSocket).servername);
    res.end(`secure ${req.headers.host}`);
  });
  tlsPort = await listen(tls);
  proxy = await startConnectProxy({ credentials: CREDENTIALS });
});
afterAll(async () => {
  await proxy.close();
  for (const server of [target, tls]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

const identity = (url: string): UpstreamProxy => {
  const proxies = egressProxiesSchema.parse(`proxy-a=${url}`);
  return proxies.get('proxy-a') as UpstreamProxy;
};
const withProxyAuth = () => identity(`http://crawler:${encodeURIComponent(SECRET)}@127.0.0.1:${proxy.port}`);

function client(options: Partial<HttpClientOptions> = {}) {
  const logs: HttpLogEntry[] = [];
  const http = createHttpClient({
    allowHosts: [`proxied.invalid:${port}`, `tunnel.invalid:${tlsPort}`, `other.invalid:${tlsPort}`],
    lookup,
    backoff: { maxRetries: 0 },
    hostPolicy: () => ({ minDelayMs: 0 }),
    log: (entry) => logs.push(entry),
    ...options,
  });
  return { http, logs };
}

const reset = () => {
  proxy.connects.length = 0;
  proxy.authorizations.length = 0;
};

describe('HTTP client through an egress identity proxy', () => {
  it('tunnels through the proxy with CONNECT to the checked IP literal, not the name', async () => {
    reset();
    const { http } = client({ proxy: withProxyAuth() });
    const response = await http.fetchText({ url: `http://proxied.invalid:${port}/ok` });
    expect(response.text).toBe(`hello proxied.invalid:${port}`);
    expect(proxy.connects).toEqual([`127.0.0.1:${port}`]);
    expect(proxy.authorizations).toEqual([`Basic ${Buffer.from(CREDENTIALS).toString('base64')}`]);
  });

  it('runs TLS over the tunnel with SNI = the host name, verified against the host name', async () => {
    reset();
    servernames.length = 0;
    const { http } = client({ proxy: withProxyAuth(), ca: TUNNEL_CERT });
    const response = await http.fetchText({ url: `https://tunnel.invalid:${tlsPort}/` });
    expect(response.text).toBe(`secure tunnel.invalid:${tlsPort}`);
    expect(proxy.connects).toEqual([`127.0.0.1:${tlsPort}`]);
    expect(servernames).toEqual(['tunnel.invalid']);

    // Same server, same tunnel, another name: the certificate does not cover it, so the request fails.
    const { http: other } = client({ proxy: withProxyAuth(), ca: TUNNEL_CERT });
    await expect(other.fetchText({ url: `https://other.invalid:${tlsPort}/` })).rejects.toMatchObject({
      kind: 'NETWORK',
      message: expect.stringMatching(/other\.invalid/) as unknown,
    });
  });

  it('refuses a target resolving to a private address before any CONNECT', async () => {
    reset();
    const { http } = client({ proxy: withProxyAuth() });
    await expect(http.fetchText({ url: `http://internal.invalid:${port}/` })).rejects.toMatchObject({
      kind: 'SSRF_REFUSED',
    });
    expect(proxy.connects).toEqual([]);
  });

  it.each(['/to-private', '/to-ip'])('refuses a redirect hop to a private address (%s)', async (path) => {
    reset();
    const { http } = client({ proxy: withProxyAuth() });
    await expect(http.fetchText({ url: `http://proxied.invalid:${port}${path}` })).rejects.toMatchObject({
      kind: 'SSRF_REFUSED',
    });
    expect(proxy.connects).toEqual([`127.0.0.1:${port}`]);
  });

  it('leaves directly without a proxy', async () => {
    reset();
    const { http } = client();
    expect((await http.fetchText({ url: `http://proxied.invalid:${port}/ok` })).text).toContain('hello');
    expect(proxy.connects).toEqual([]);
  });

  it('turns a dead proxy into a NETWORK crawl failure that names no credentials', async () => {
    const { http, logs } = client({
      proxy: identity(`http://crawler:${encodeURIComponent(SECRET)}@127.0.0.1:${await deadPort()}`),
    });
    const error = await http.fetchText({ url: `http://proxied.invalid:${port}/ok` }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'NETWORK', retryable: true });
    expect((error as Error).message).toMatch(/egress proxy proxy-a \(127\.0\.0\.1:\d+\) unreachable: ECONNREFUSED/);
    expect(logs).toMatchObject([{ kind: 'NETWORK', egress: 'proxy-a' }]);
    const printed = `${(error as Error).message} ${JSON.stringify(logs)} ${JSON.stringify(withProxyAuth())}`;
    for (const secret of [SECRET, 's3cr', Buffer.from(CREDENTIALS).toString('base64')])
      expect(printed).not.toContain(secret);
  });

  it('turns a refused CONNECT (wrong credentials: 407) into a NETWORK crawl failure', async () => {
    reset();
    const { http } = client({ proxy: identity(`http://crawler:wrong@127.0.0.1:${proxy.port}`) });
    const error = await http.fetchText({ url: `http://proxied.invalid:${port}/ok` }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'NETWORK' });
    expect((error as Error).message).toContain(`refused CONNECT to 127.0.0.1:${port}: HTTP 407`);
    expect((error as Error).message).not.toContain('wrong');
  });
});
