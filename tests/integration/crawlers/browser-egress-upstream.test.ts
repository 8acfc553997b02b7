import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserFetcher, type BrowserFetcher } from '@/crawlers/browser';
import { createAddressGuard } from '@/crawlers/net/address-guard';
import { egressProxiesSchema, type UpstreamProxy } from '@/crawlers/net/proxy-config';
import { deadPort, startConnectProxy, type RecordingProxy } from '@/tests/helpers/connect-proxy';

// Chromium → the local guard proxy → the egress identity's proxy (CONNECT to the checked IP) → the page.
let page: Server;
let pagePort = 0;
let identityProxy: RecordingProxy;
const fetchers: BrowserFetcher[] = [];

const fetcher = (proxyPort: number) => {
  const upstream = egressProxiesSchema
    .parse(`proxy-a=http://crawler:pw@127.0.0.1:${proxyPort}`)
    .get('proxy-a') as UpstreamProxy;
  const guard = createAddressGuard({ allowHosts: [`127.0.0.1:${pagePort}`] });
  const browser = createBrowserFetcher({ guard, upstream, timeoutMs: 20_000 });
  fetchers.push(browser);
  return browser;
};

beforeAll(async () => {
  page = createServer((_req, res) => res.end('<html><body><p>through the identity</p></body></html>'));
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pagePort = (page.address() as AddressInfo).port;
  identityProxy = await startConnectProxy({ credentials: 'crawler:pw' });
});
afterAll(async () => {
  for (const browser of fetchers) await browser.close();
  await identityProxy.close();
  page.closeAllConnections();
  await new Promise<void>((resolve) => page.close(() => resolve()));
});

describe('browser crawler through an egress identity proxy', () => {
  it('loads the page through the identity proxy', async () => {
    const result = await fetcher(identityProxy.port).fetchHtml(`http://127.0.0.1:${pagePort}/`);
    expect(result.html).toContain('through the identity');
    expect(identityProxy.connects).toContain(`127.0.0.1:${pagePort}`);
  }, 60_000);

  it('fails with a NETWORK error when the identity proxy is dead', async () => {
    await expect(fetcher(await deadPort()).fetchHtml(`http://127.0.0.1:${pagePort}/`)).rejects.toMatchObject({
      kind: 'NETWORK',
    });
  }, 60_000);
});
