import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAndroidCrawler } from '@/crawlers/platforms/apps/android';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { CrawlTarget } from '@/crawlers/types';
import { snapshotInputSchema } from '@/lib/schemas/snapshot';
import { loadScenarioFile, sandboxContext, startTestSandbox } from '../../helpers/crawler-sandbox';

const NOW = new Date('2026-11-25T08:00:00+08:00');
const BASE = loadScenarioFile('apps-basic.json');
const target = (overrides: Partial<CrawlTarget> = {}, stores = ['XIAOMI']): CrawlTarget => ({
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
const crawl = async (t = target(), http = {}) =>
  snapshotInputSchema.parse(await createAndroidCrawler().crawl(t, sandboxContext(sandbox, NOW, http)));

beforeAll(async () => {
  sandbox = await startTestSandbox(BASE);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  withFailures([]);
  sandbox.requests.length = 0;
});

describe('小米应用商店 crawler against the sandbox', () => {
  it('reads the detail page of the package: version, update day, rating count, publisher, no rating score', async () => {
    const snapshot = await crawl();
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.appReleases).toEqual([
      {
        store: 'XIAOMI',
        version: '3.1.9',
        releasedAt: new Date('2025-01-06T00:00:00+08:00'),
        rating: null,
        ratingCount: 96,
        sellerName: '江川市大数据发展管理局',
        sellerId: null,
        appName: '江川通',
        hasFeedbackChannel: null,
      },
    ]);
    expect(snapshot.profile).toMatchObject({ displayName: '江川通' });
    expect(snapshot.storeListings).toEqual([]);
    expect(calls('xiaomi.detail').map((r) => Object.fromEntries(new URLSearchParams(r.query)))).toEqual([
      { id: 'cn.gov.jiangchuan.jctong', ref: 'search' },
    ]);
  });

  it('retries a server error once and then reads the page', async () => {
    withFailures([{ kind: 'status', status: 503, route: 'xiaomi.detail', times: 1 }]);
    const snapshot = await crawl(target(), { backoff: { maxRetries: 2 } });
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(calls('xiaomi.detail')).toHaveLength(2);
  });
});

describe('小米应用商店 failure outcomes', () => {
  const cases: [string, ScenarioInput['failures'], Partial<CrawlTarget>, object][] = [
    [
      'removed (page without the screenshot strip)',
      [],
      { handle: 'cn.gov.qingshui.app' },
      { kind: 'NOT_FOUND', httpStatus: 200 },
    ],
    ['not listed (HTTP 404)', [], { handle: 'cn.gov.nowhere' }, { kind: 'NOT_FOUND', httpStatus: 404 }],
    [
      'rate limit answer',
      [{ kind: 'rate_limit', platform: 'APP_ANDROID', handle: 'cn.gov.jiangchuan.jctong' }],
      {},
      { kind: 'RATE_LIMITED', httpStatus: 429 },
    ],
    ['HTTP 403', [{ kind: 'status', status: 403, route: 'xiaomi.detail' }], {}, { kind: 'BLOCKED', httpStatus: 403 }],
    ['HTTP 502', [{ kind: 'status', status: 502, route: 'xiaomi.detail' }], {}, { kind: 'HTTP', httpStatus: 502 }],
    ['truncated page', [{ kind: 'malformed_json', route: 'xiaomi.detail' }], {}, { kind: 'PARSE' }],
  ];

  it.each(cases)('%s → failed outcome without releases', async (_name, failures, overrides, expected) => {
    withFailures(failures);
    const snapshot = await crawl(target(overrides), { backoff: { maxRetries: 1, maxRateLimitRetries: 0 } });
    expect(snapshot.outcome).toMatchObject({ ok: false, ...expected });
    expect(snapshot.coverage).toBeNull();
    expect(snapshot.appReleases).toEqual([]);
  });

  it('repeated server errors open the XIAOMI circuit: later crawls fail fast without a request', async () => {
    withFailures([{ kind: 'status', status: 500, route: 'xiaomi.detail' }]);
    const ctx = sandboxContext(sandbox, NOW, { backoff: { maxRetries: 0 }, breaker: { failureThreshold: 2 } });
    const crawler = createAndroidCrawler();
    for (let i = 0; i < 2; i += 1)
      expect((await crawler.crawl(target(), ctx)).outcome).toMatchObject({ ok: false, kind: 'HTTP', httpStatus: 500 });
    const before = calls('xiaomi.detail').length;
    expect((await crawler.crawl(target(), ctx)).outcome).toMatchObject({ ok: false, kind: 'CIRCUIT_OPEN' });
    expect(calls('xiaomi.detail')).toHaveLength(before);
  });
});

describe('Android app in all three stores', () => {
  it('reads HUAWEI, 应用宝 and Xiaomi into one snapshot by default; the worst rating comes only from stores that show one', async () => {
    const snapshot = await crawl(target({ crawlConfig: {} }));
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.appReleases.map((r) => [r.store, r.version, r.rating])).toEqual([
      ['HUAWEI', '3.2.1', 2.6],
      ['YINGYONGBAO', '3.2.0', 4.1],
      ['XIAOMI', '3.1.9', null],
    ]);
  });

  it('Xiaomi failing next to the other stores makes the crawl partial; all failing combines the reasons', async () => {
    withFailures([{ kind: 'status', status: 502, route: 'xiaomi.detail' }]);
    const partial = await crawl(target({}, ['HUAWEI', 'YINGYONGBAO', 'XIAOMI']), { backoff: { maxRetries: 0 } });
    expect(partial.outcome).toEqual({ ok: true, partial: true });
    expect(partial.appReleases.map((r) => r.store)).toEqual(['HUAWEI', 'YINGYONGBAO']);
    withFailures([]);
    const failed = await crawl(target({ handle: 'cn.gov.qingshui.app' }, ['HUAWEI', 'YINGYONGBAO', 'XIAOMI']));
    expect(failed.outcome).toMatchObject({
      ok: false,
      kind: 'DELETED',
      message: expect.stringMatching(/; XIAOMI: 小米应用商店 does not list cn\.gov\.qingshui\.app/),
    });
  });
});
