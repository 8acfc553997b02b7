import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserFetcher } from '@/crawlers/browser';
import { createAndroidCrawler } from '@/crawlers/platforms/apps/android';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { CrawlContext, CrawlTarget } from '@/crawlers/types';
import { snapshotInputSchema } from '@/lib/schemas/snapshot';
import { loadScenarioFile, sandboxContext, startTestSandbox } from '../../helpers/crawler-sandbox';

const NOW = new Date('2026-11-25T08:00:00+08:00');
const BASE = loadScenarioFile('apps-basic.json');
const target = (overrides: Partial<CrawlTarget> = {}, stores = ['YINGYONGBAO']): CrawlTarget => ({
  accountId: 'acc-android',
  platform: 'APP_ANDROID',
  handle: 'cn.gov.jiangchuan.jctong',
  displayName: '江川通',
  crawlConfig: { android: { stores } },
  since: new Date(NOW.getTime() - 86_400_000),
  ...overrides,
});

let sandbox: SandboxHandle;
const withFailures = (failures: ScenarioInput['failures']) => sandbox.setScenario({ ...BASE, failures });
const calls = (routeId: string) => sandbox.requests.filter((r) => r.routeId === routeId);
const run = async (t: CrawlTarget, ctx: CrawlContext) =>
  snapshotInputSchema.parse(await createAndroidCrawler().crawl(t, ctx));
const crawl = (t = target(), http = {}) => run(t, sandboxContext(sandbox, NOW, http));

beforeAll(async () => {
  sandbox = await startTestSandbox(BASE);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  withFailures([]);
  sandbox.requests.length = 0;
});

describe('应用宝 crawler against the sandbox', () => {
  it('reads the GameDetail item, the DOM update date and look-alikes from the search page', async () => {
    const snapshot = await crawl();
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.appReleases).toEqual([
      {
        store: 'YINGYONGBAO',
        version: '3.2.0',
        releasedAt: new Date('2025-02-10T00:00:00+08:00'),
        rating: 4.1,
        ratingCount: null,
        sellerName: '江川市大数据发展管理局',
        sellerId: null,
        appName: '江川通',
        hasFeedbackChannel: null,
      },
    ]);
    expect(snapshot.storeListings).toEqual([
      {
        store: 'YINGYONGBAO',
        storeAppId: 'com.jcsoft.jctong',
        appName: '江川通官方版',
        sellerName: '某某软件工作室',
        sellerId: null,
        url: 'https://sj.qq.com/appdetail/com.jcsoft.jctong',
      },
    ]);
    expect(new URLSearchParams(calls('yingyongbao.search')[0]?.query).get('q')).toBe('江川通');
  });

  it('a failed search page leaves the release, partial', async () => {
    withFailures([{ kind: 'captcha', route: 'yingyongbao.search' }]);
    const snapshot = await crawl();
    expect(snapshot.outcome).toEqual({ ok: true, partial: true });
    expect(snapshot.appReleases).toHaveLength(1);
    expect(snapshot.storeListings).toEqual([]);
  });

  it('a client-rendered page is PARSE without a browser and read in real Chromium with one', async () => {
    const bare = await crawl(target({ handle: 'cn.gov.baisha.health' }));
    expect(bare.outcome).toMatchObject({ ok: false, kind: 'PARSE' });
    const ctx = sandboxContext(sandbox, NOW);
    const browser = createBrowserFetcher({ guard: ctx.http.guard });
    try {
      const snapshot = await run(target({ handle: 'cn.gov.baisha.health' }), { ...ctx, browser });
      expect(snapshot.outcome).toEqual({ ok: true, partial: false });
      expect(snapshot.appReleases).toMatchObject([
        { store: 'YINGYONGBAO', version: '5.0.2', rating: 4.4, releasedAt: new Date('2026-11-13T00:00:00+08:00') },
      ]);
    } finally {
      await browser.close();
    }
    const rendered = calls('yingyongbao.detail').filter((r) => /HeadlessChrome|Chrome\//.test(r.userAgent ?? ''));
    expect(rendered).toHaveLength(1);
  }, 60_000);
});

describe('应用宝 failure outcomes', () => {
  const cases: [string, ScenarioInput['failures'], Partial<CrawlTarget>, object][] = [
    ['removed (Error_error__ page)', [], { handle: 'cn.gov.qingshui.app' }, { kind: 'NOT_FOUND', httpStatus: 200 }],
    ['not listed (HTTP 404)', [], { handle: 'cn.gov.nowhere' }, { kind: 'NOT_FOUND', httpStatus: 404 }],
    ['verification page', [{ kind: 'captcha', route: 'yingyongbao.detail' }], {}, { kind: 'BLOCKED' }],
    [
      'rate limit answer',
      [{ kind: 'rate_limit', platform: 'APP_ANDROID', handle: 'cn.gov.jiangchuan.jctong' }],
      {},
      { kind: 'RATE_LIMITED', httpStatus: 429 },
    ],
    [
      'HTTP 403',
      [{ kind: 'status', status: 403, route: 'yingyongbao.detail' }],
      {},
      { kind: 'BLOCKED', httpStatus: 403 },
    ],
    ['HTTP 502', [{ kind: 'status', status: 502, route: 'yingyongbao.detail' }], {}, { kind: 'HTTP', httpStatus: 502 }],
    ['truncated page', [{ kind: 'malformed_json', route: 'yingyongbao.detail' }], {}, { kind: 'PARSE' }],
  ];

  it.each(cases)('%s → failed outcome without releases', async (_name, failures, overrides, expected) => {
    withFailures(failures);
    const snapshot = await crawl(target(overrides), { backoff: { maxRetries: 1, maxRateLimitRetries: 0 } });
    expect(snapshot.outcome).toMatchObject({ ok: false, ...expected });
    expect(snapshot.coverage).toBeNull();
    expect(snapshot.appReleases).toEqual([]);
  });
});

describe('Android app in both stores', () => {
  it('reads both stores into one snapshot', async () => {
    const snapshot = await crawl(target({}, ['HUAWEI', 'YINGYONGBAO']));
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.appReleases.map((r) => [r.store, r.version])).toEqual([
      ['HUAWEI', '3.2.1'],
      ['YINGYONGBAO', '3.2.0'],
    ]);
    expect(snapshot.storeListings.map((l) => l.storeAppId).sort()).toEqual(['C100000099', 'com.jcsoft.jctong']);
  });

  it('one store failing makes the crawl partial; both failing fails it with both reasons', async () => {
    withFailures([{ kind: 'status', status: 403, route: 'yingyongbao.detail' }]);
    const partial = await crawl(target({}, ['HUAWEI', 'YINGYONGBAO']));
    expect(partial.outcome).toEqual({ ok: true, partial: true });
    expect(partial.appReleases.map((r) => r.store)).toEqual(['HUAWEI']);
    withFailures([]);
    const failed = await crawl(target({ handle: 'cn.gov.qingshui.app' }, ['HUAWEI', 'YINGYONGBAO']));
    expect(failed.outcome).toMatchObject({
      ok: false,
      kind: 'DELETED',
      message: expect.stringMatching(/^HUAWEI: .*isShelves 0.*; YINGYONGBAO: 应用宝 does not list/),
    });
  });
});
