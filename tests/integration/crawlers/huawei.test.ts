import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAndroidCrawler } from '@/crawlers/platforms/apps/android';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { CrawlTarget } from '@/crawlers/types';
import { snapshotInputSchema } from '@/lib/schemas/snapshot';
import { loadScenarioFile, sandboxContext, startTestSandbox } from '../../helpers/crawler-sandbox';

const NOW = new Date('2026-11-25T08:00:00+08:00');
const BASE = loadScenarioFile('apps-basic.json');
const target = (overrides: Partial<CrawlTarget> = {}, huawei: object = {}): CrawlTarget => ({
  accountId: 'acc-android',
  platform: 'APP_ANDROID',
  handle: 'cn.gov.jiangchuan.jctong',
  displayName: '江川通',
  crawlConfig: { android: { stores: ['HUAWEI'] }, huawei },
  since: new Date(NOW.getTime() - 86_400_000),
  ...overrides,
});

let sandbox: SandboxHandle;
const withFailures = (failures: ScenarioInput['failures']) => sandbox.setScenario({ ...BASE, failures });
const calls = (routeId: string) => sandbox.requests.filter((r) => r.routeId === routeId);
const crawl = async (t = target(), http = {}, crawler = createAndroidCrawler()) =>
  snapshotInputSchema.parse(await crawler.crawl(t, sandboxContext(sandbox, NOW, http)));

beforeAll(async () => {
  sandbox = await startTestSandbox(BASE);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  withFailures([]);
  sandbox.requests.length = 0;
});

describe('Huawei AppGallery crawler against the sandbox', () => {
  it('reads app info, the star rating of the comment card and look-alikes from other developers', async () => {
    const snapshot = await crawl();
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.appReleases).toEqual([
      {
        store: 'HUAWEI',
        version: '3.2.1',
        releasedAt: new Date('2025-03-18T02:00:00Z'),
        rating: 2.6,
        ratingCount: 187,
        sellerName: '江川市大数据发展管理局',
        sellerId: '860000000000000001',
        appName: '江川通',
        hasFeedbackChannel: null,
      },
    ]);
    expect(snapshot.profile).toMatchObject({ displayName: '江川通', avatarUrl: expect.stringContaining('C100000001') });
    expect(snapshot.storeListings).toEqual([
      {
        store: 'HUAWEI',
        storeAppId: 'C100000099',
        appName: '江川通办事',
        sellerName: '江川某某信息技术有限公司',
        sellerId: '860000000000000099',
        url: 'https://appgallery.huawei.com/app/C100000099',
      },
    ]);
    expect(new URLSearchParams(calls('huawei.search')[0]?.query).get('uri')).toBe('searchApp|江川通');
  });

  it('keeps the interface code across crawls and refreshes it once when it is refused', async () => {
    const crawler = createAndroidCrawler();
    await crawl(target(), {}, crawler);
    await crawl(target(), {}, crawler);
    expect(calls('huawei.interface-code')).toHaveLength(1);
    withFailures([{ kind: 'status', status: 401, route: 'huawei.appinfo', times: 1 }]);
    sandbox.requests.length = 0;
    expect((await crawl(target(), {}, crawler)).outcome).toEqual({ ok: true, partial: false });
    expect(calls('huawei.interface-code')).toHaveLength(1);
    expect(calls('huawei.appinfo')[0]?.status).toBe(401);
  });

  it('a code refused twice is AUTH', async () => {
    withFailures([{ kind: 'status', status: 401, route: 'huawei.appinfo' }]);
    expect((await crawl()).outcome).toMatchObject({ ok: false, kind: 'AUTH', httpStatus: 401 });
    expect(calls('huawei.interface-code')).toHaveLength(2);
  });

  it('queries by appId when configured', async () => {
    const snapshot = await crawl(target({ handle: 'cn.gov.other.name' }, { appId: 'C100000001' }));
    expect(snapshot.appReleases[0]?.appName).toBe('江川通');
  });

  it('without the comment card the rating is unknown and the count comes from rateNum; the crawl is partial when it failed', async () => {
    withFailures([{ kind: 'status', status: 500, route: 'huawei.page-detail' }]);
    const snapshot = await crawl(target(), { backoff: { maxRetries: 0 } });
    expect(snapshot.outcome).toEqual({ ok: true, partial: true });
    expect(snapshot.appReleases[0]).toMatchObject({ rating: null, ratingCount: 187 });
  });

  it('a failed search leaves the release and no look-alikes, partial', async () => {
    withFailures([{ kind: 'status', status: 429, route: 'huawei.search' }]);
    const snapshot = await crawl(target(), { backoff: { maxRateLimitRetries: 0 } });
    expect(snapshot.outcome).toEqual({ ok: true, partial: true });
    expect(snapshot.storeListings).toEqual([]);
  });
});

describe('Huawei failure outcomes', () => {
  const cases: [string, ScenarioInput['failures'], Partial<CrawlTarget>, object][] = [
    ['not listed (empty body)', [], { handle: 'cn.gov.nowhere' }, { kind: 'NOT_FOUND', httpStatus: 200 }],
    ['off the shelf (isShelves 0)', [], { handle: 'cn.gov.qingshui.app' }, { kind: 'DELETED', retryable: false }],
    [
      'HTTP 429',
      [{ kind: 'status', status: 429, route: 'huawei.appinfo' }],
      {},
      { kind: 'RATE_LIMITED', httpStatus: 429 },
    ],
    [
      'rate limit answer',
      [{ kind: 'rate_limit', platform: 'APP_ANDROID', handle: 'cn.gov.jiangchuan.jctong', route: 'huawei.appinfo' }],
      {},
      { kind: 'RATE_LIMITED' },
    ],
    ['HTTP 403', [{ kind: 'status', status: 403, route: 'huawei.appinfo' }], {}, { kind: 'BLOCKED', httpStatus: 403 }],
    [
      'HTTP 404',
      [{ kind: 'status', status: 404, route: 'huawei.appinfo' }],
      {},
      { kind: 'NOT_FOUND', httpStatus: 404 },
    ],
    [
      'interface code unavailable',
      [{ kind: 'status', status: 503, route: 'huawei.interface-code' }],
      {},
      { kind: 'HTTP', httpStatus: 503 },
    ],
    ['malformed JSON', [{ kind: 'malformed_json', route: 'huawei.appinfo' }], {}, { kind: 'PARSE', retryable: false }],
  ];

  it.each(cases)('%s → failed outcome without releases', async (_name, failures, overrides, expected) => {
    withFailures(failures);
    const snapshot = await crawl(target(overrides), { backoff: { maxRetries: 1, maxRateLimitRetries: 0 } });
    expect(snapshot.outcome).toMatchObject({ ok: false, ...expected });
    expect(snapshot.coverage).toBeNull();
    expect(snapshot.appReleases).toEqual([]);
  });

  it('times out on a slow app-info call', async () => {
    withFailures([{ kind: 'delay', delayMs: 400, route: 'huawei.appinfo' }]);
    const snapshot = await crawl(target(), { timeoutMs: 100, backoff: { maxRetries: 0 } });
    expect(snapshot.outcome).toMatchObject({ ok: false, kind: 'TIMEOUT' });
  });
});
