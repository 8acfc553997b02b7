import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCrawlEnv } from '@/crawlers/context';
import { createCrawlRuntime, type CrawlRuntime } from '@/crawlers/runtime';
import { startConnectProxy, type RecordingProxy } from '@/tests/helpers/connect-proxy';

describe('CRAWL_EGRESS_PROXIES', () => {
  const parse = (value: string) => parseCrawlEnv({ CRAWL_EGRESS_PROXIES: value }).CRAWL_EGRESS_PROXIES;

  it('maps identities to proxies; unset or blank = none', () => {
    const proxies = parse('proxy-bj-1=http://u:p%2Cw@10.0.0.5:3128, proxy-sh-1=http://10.0.0.6');
    expect([...proxies.keys()]).toEqual(['proxy-bj-1', 'proxy-sh-1']);
    expect(proxies.get('proxy-bj-1')).toMatchObject({ host: '10.0.0.5', port: 3128, label: '10.0.0.5:3128' });
    expect(proxies.get('proxy-bj-1')?.authorization()).toBe(`Basic ${Buffer.from('u:p,w').toString('base64')}`);
    expect(proxies.get('proxy-sh-1')).toMatchObject({ port: 80 });
    expect(proxies.get('proxy-sh-1')?.authorization()).toBeNull();
    expect(parse('').size).toBe(0);
    expect(parseCrawlEnv({}).CRAWL_EGRESS_PROXIES.size).toBe(0);
  });

  it.each([
    ['proxy-a', /identity=http:\/\//],
    ['proxy-a=socks5://u:hunter2@10.0.0.5:1080', /must be an http:\/\/ proxy/],
    ['proxy-a=https://u:hunter2@10.0.0.5:3128', /must be an http:\/\/ proxy/],
    ['proxy-a=http://u:hunter2@10.0.0.5:3128/path', /no path/],
    ['proxy-a=http://u:hun,ter2@10.0.0.5:3128', /not a URL|identity=http/],
    ['direct=http://u:hunter2@10.0.0.5:3128', /"direct" always connects directly/],
    ['a=http://u:hunter2@10.0.0.5:1,a=http://10.0.0.6:2', /at most one proxy/],
  ])('stops the worker with a clear error for %s, never quoting credentials', (value, message) => {
    let thrown: Error | undefined;
    try {
      parse(value);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.message).toMatch(/^Invalid crawler environment/);
    expect(thrown?.message).toMatch(message);
    expect(thrown?.message).not.toMatch(/hunter2|hun,ter2|ter2/);
  });
});

describe('crawl runtime: one client per egress identity', () => {
  let target: Server;
  let port = 0;
  let proxy: RecordingProxy;
  let runtime: CrawlRuntime;
  const now = new Date();

  beforeAll(async () => {
    target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    port = (target.address() as AddressInfo).port;
    proxy = await startConnectProxy({ credentials: 'crawler:pw' });
    runtime = createCrawlRuntime({
      env: {
        CRAWL_EGRESS_PROXIES: `proxy-a=http://crawler:pw@127.0.0.1:${proxy.port}`,
        CRAWLER_ALLOW_HOSTS: `127.0.0.1:${port}`,
        CRAWLER_BROWSER: 'off',
        CRAWLER_MIN_DELAY_MS: '0',
      },
    });
  });
  afterAll(async () => {
    await runtime.close();
    await proxy.close();
    target.closeAllConnections();
    await new Promise<void>((resolve) => target.close(() => resolve()));
  });

  const read = (egress?: string) =>
    runtime.context(now, undefined, egress).http.fetchText({ url: `http://127.0.0.1:${port}/` });

  it('routes a job of a proxied identity through its proxy and reuses its client', async () => {
    expect(runtime.proxiedEgresses).toEqual(['proxy-a']);
    expect((await read('proxy-a')).text).toBe('ok');
    expect(proxy.connects).toEqual([`127.0.0.1:${port}`]);
    expect(runtime.context(now, undefined, 'proxy-a').http).toBe(runtime.context(now, undefined, 'proxy-a').http);
    expect(runtime.context(now, undefined, 'proxy-a').http).not.toBe(runtime.context(now).http);
  });

  it.each([undefined, 'direct', 'proxy-without-proxy'])('connects directly for egress %s', async (egress) => {
    const before = proxy.connects.length;
    expect((await read(egress)).text).toBe('ok');
    expect(proxy.connects.length).toBe(before);
    expect(runtime.context(now, undefined, egress).http).toBe(runtime.context(now).http);
  });

  it('refuses to start with an invalid proxy list', () => {
    expect(() =>
      createCrawlRuntime({ env: { CRAWL_EGRESS_PROXIES: 'x=ftp://a:b@h:1', CRAWLER_BROWSER: 'off' } }),
    ).toThrow(/Invalid crawler environment.*x must be an http/s);
  });
});
