import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressGuard } from '@/crawlers/net/address-guard';
import { EGRESS_REFUSED_HEADER, startEgressProxy, type EgressProxy } from '@/crawlers/net/egress-proxy';
import { egressProxiesSchema, type UpstreamProxy } from '@/crawlers/net/proxy-config';
import { deadPort, startConnectProxy, type RecordingProxy } from '@/tests/helpers/connect-proxy';

// The browser's local guard proxy chained through an egress identity's proxy (no Chromium needed here).
let target: Server;
let targetPort = 0;
let identityProxy: RecordingProxy;
const started: EgressProxy[] = [];

const guard = () =>
  createAddressGuard({
    allowHosts: [`pinned.invalid:${targetPort}`],
    lookup: async (host) =>
      host === 'pinned.invalid' ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.1.2.3', family: 4 }],
  });
const upstream = (port: number): UpstreamProxy =>
  egressProxiesSchema.parse(`proxy-a=http://crawler:pw@127.0.0.1:${port}`).get('proxy-a') as UpstreamProxy;
const start = async (port: number) => {
  const proxy = await startEgressProxy({ guard: guard(), upstream: upstream(port) });
  started.push(proxy);
  return proxy;
};
const basic = (token: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${token.username}:${token.password}`).toString('base64')}`;

beforeAll(async () => {
  target = createServer((req, res) => res.end(`target ${req.headers.host} ${req.url}`));
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetPort = (target.address() as AddressInfo).port;
  identityProxy = await startConnectProxy({ credentials: 'crawler:pw' });
});
afterAll(async () => {
  for (const proxy of started) await proxy.close();
  await identityProxy.close();
  target.closeAllConnections();
  await new Promise<void>((resolve) => target.close(() => resolve()));
});

function viaProxy(proxy: EgressProxy, url: string, auth: string) {
  return new Promise<{ status: number; body: string; refused?: string }>((resolve, reject) => {
    const port = Number(new URL(proxy.server).port);
    const req = request({ host: '127.0.0.1', port, path: url, headers: { 'proxy-authorization': auth } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, refused: res.headers[EGRESS_REFUSED_HEADER] as string }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser egress proxy chained through an identity proxy', () => {
  it('forwards plain HTTP through the identity proxy, CONNECT to the checked IP', async () => {
    const proxy = await start(identityProxy.port);
    identityProxy.connects.length = 0;
    const answer = await viaProxy(proxy, `http://pinned.invalid:${targetPort}/a`, basic(proxy.issueToken()));
    expect(answer).toMatchObject({ status: 200, body: `target pinned.invalid:${targetPort} /a` });
    expect(identityProxy.connects).toEqual([`127.0.0.1:${targetPort}`]);
  });

  it('chains a browser CONNECT tunnel through the identity proxy', async () => {
    const proxy = await start(identityProxy.port);
    identityProxy.connects.length = 0;
    const auth = basic(proxy.issueToken());
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(proxy.server).port), '127.0.0.1', () =>
        socket.write(
          `CONNECT pinned.invalid:${targetPort} HTTP/1.1\r\nHost: x\r\nProxy-Authorization: ${auth}\r\n\r\n`,
        ),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.startsWith('HTTP/1.1 200') && !text.includes('target')) {
          if (text.endsWith('\r\n\r\n'))
            socket.write('GET /t HTTP/1.1\r\nHost: pinned.invalid\r\nConnection: close\r\n\r\n');
        } else if (!text.startsWith('HTTP/1.1 200') || text.includes('target')) socket.end();
      });
      socket.on('close', () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1.1 200 Connection Established[\s\S]*target pinned.invalid \/t/);
    expect(identityProxy.connects).toEqual([`127.0.0.1:${targetPort}`]);
  });

  it('still refuses private targets before reaching the identity proxy', async () => {
    const proxy = await start(identityProxy.port);
    identityProxy.connects.length = 0;
    const token = proxy.issueToken();
    const answer = await viaProxy(proxy, 'http://internal.invalid/x', basic(token));
    expect(answer.status).toBe(403);
    expect(identityProxy.connects).toEqual([]);
  });

  it('reports a dead identity proxy as a NETWORK failure, not a guard refusal', async () => {
    const proxy = await start(await deadPort());
    const token = proxy.issueToken();
    const answer = await viaProxy(proxy, `http://pinned.invalid:${targetPort}/a`, basic(token));
    expect(answer).toMatchObject({ status: 502, refused: 'NETWORK' });
    expect(proxy.refusals(token.username)).toMatchObject([{ kind: 'NETWORK' }]);
    expect(proxy.refusals(token.username)[0]?.message).not.toContain('pw');
  });
});
