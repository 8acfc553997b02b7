import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appStoreCrawler } from '@/crawlers/platforms/appstore';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { CrawlTarget } from '@/crawlers/types';
import { snapshotInputSchema } from '@/lib/schemas/snapshot';
import { loadScenarioFile, sandboxContext, startTestSandbox } from '../../helpers/crawler-sandbox';

const NOW = new Date('2026-11-25T08:00:00+08:00');
const BASE = loadScenarioFile('apps-basic.json');
const target = (overrides: Partial<CrawlTarget> = {}): CrawlTarget => ({
  accountId: 'acc-ios',
  platform: 'APP_IOS',
  handle: '6400000001',
  displayName: '江川通',
  crawlConfig: {},
  since: new Date(NOW.getTime() - 86_400_000),
  ...overrides,
});

let sandbox: SandboxHandle;
const withFailures = (failures: ScenarioInput['failures']) => sandbox.setScenario({ ...BASE, failures });
const crawl = async (t = target(), http = {}) =>
  snapshotInputSchema.parse(await appStoreCrawler.crawl(t, sandboxContext(sandbox, NOW, http)));
const calls = (routeId: string) => sandbox.requests.filter((r) => r.routeId === routeId);

beforeAll(async () => {
  sandbox = await startTestSandbox(BASE);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  withFailures([]);
  sandbox.requests.length = 0;
});

describe('App Store crawler against the sandbox', () => {
  it('looks the app up in the CN storefront and keeps look-alikes from other sellers only', async () => {
    const snapshot = await crawl();
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.coverage).toBeNull();
    expect(snapshot.appReleases).toEqual([
      {
        store: 'APP_STORE',
        version: '3.2.1',
        releasedAt: new Date('2025-03-18T02:00:00Z'),
        rating: 2.47,
        ratingCount: 312,
        sellerName: '江川市大数据发展管理局',
        sellerId: '1700000001',
        appName: '江川通',
        hasFeedbackChannel: null,
      },
    ]);
    expect(snapshot.profile).toMatchObject({ displayName: '江川通', description: expect.stringContaining('政务服务') });
    // 江川通企业版 is the agency's own (same seller); 江川旅游 is kept at 0.5 for the detector to judge.
    expect(snapshot.storeListings.map((l) => [l.storeAppId, l.appName, l.sellerName])).toEqual([
      ['6499999001', '江川通Pro', '江川某某网络科技有限公司'],
      ['6499999002', '江川旅游', '江川文旅集团有限公司'],
    ]);
    expect(calls('appstore.lookup')[0]?.query).toBe('?id=6400000001&country=cn&entity=software');
    expect(new URLSearchParams(calls('appstore.search')[0]?.query).get('term')).toBe('江川通');
  });

  it('looks up by bundle id, searches the configured terms too and applies the similarity floor', async () => {
    const snapshot = await crawl(
      target({
        crawlConfig: {
          appStore: { bundleId: 'cn.gov.jiangchuan.jctong', searchTerms: ['江川市民通'], lookalikeMinSimilarity: 0.8 },
        },
      }),
    );
    expect(snapshot.appReleases[0]?.version).toBe('3.2.1');
    expect(snapshot.storeListings.map((l) => l.storeAppId)).toEqual(['6499999001']);
    expect(calls('appstore.lookup')[0]?.query).toContain('bundleId=cn.gov.jiangchuan.jctong');
    expect(calls('appstore.search').map((r) => new URLSearchParams(r.query).get('term'))).toEqual([
      '江川市民通',
      '江川通',
    ]);
  });

  it('keeps the release when the look-alike search fails, as a partial crawl', async () => {
    withFailures([{ kind: 'status', status: 500, route: 'appstore.search' }]);
    const snapshot = await crawl(target(), { backoff: { maxRetries: 0 } });
    expect(snapshot.outcome).toEqual({ ok: true, partial: true });
    expect(snapshot.appReleases).toHaveLength(1);
    expect(snapshot.storeListings).toEqual([]);
  });

  it('retries a transient 500 on lookup and then succeeds', async () => {
    withFailures([{ kind: 'status', status: 500, route: 'appstore.lookup', times: 2 }]);
    expect((await crawl()).outcome).toEqual({ ok: true, partial: false });
    expect(calls('appstore.lookup').map((r) => r.status)).toEqual([500, 500, 200]);
  });
});

describe('App Store failure outcomes', () => {
  const cases: [string, ScenarioInput['failures'], Partial<CrawlTarget>, object][] = [
    ['removed from the store (resultCount 0)', [], { handle: '6400000002' }, { kind: 'NOT_FOUND', retryable: false }],
    ['unknown track id', [], { handle: '6499990000' }, { kind: 'NOT_FOUND' }],
    ['unknown bundle id', [], { handle: 'cn.gov.nowhere' }, { kind: 'NOT_FOUND' }],
    [
      'HTTP 403 throttling',
      [{ kind: 'status', status: 403, route: 'appstore.lookup' }],
      {},
      { kind: 'RATE_LIMITED', httpStatus: 403 },
    ],
    [
      'HTTP 429',
      [{ kind: 'status', status: 429, route: 'appstore.lookup' }],
      {},
      { kind: 'RATE_LIMITED', httpStatus: 429, retryable: true },
    ],
    [
      'rate limit answer',
      [{ kind: 'rate_limit', platform: 'APP_IOS', handle: '6400000001' }],
      {},
      { kind: 'RATE_LIMITED' },
    ],
    [
      'HTTP 404',
      [{ kind: 'status', status: 404, route: 'appstore.lookup' }],
      {},
      { kind: 'NOT_FOUND', httpStatus: 404 },
    ],
    ['HTTP 503', [{ kind: 'status', status: 503, route: 'appstore.lookup' }], {}, { kind: 'HTTP', httpStatus: 503 }],
    ['malformed JSON', [{ kind: 'malformed_json', route: 'appstore.lookup' }], {}, { kind: 'PARSE', retryable: false }],
  ];

  it.each(cases)('%s → failed outcome without coverage or releases', async (_name, failures, overrides, expected) => {
    withFailures(failures);
    const snapshot = await crawl(target(overrides), { backoff: { maxRetries: 1 } });
    expect(snapshot.outcome).toMatchObject({ ok: false, ...expected });
    expect(snapshot.coverage).toBeNull();
    expect(snapshot.appReleases).toEqual([]);
    expect(snapshot.storeListings).toEqual([]);
  });

  it('times out on a slow lookup', async () => {
    withFailures([{ kind: 'delay', delayMs: 400, route: 'appstore.lookup' }]);
    const snapshot = await crawl(target(), { timeoutMs: 100, backoff: { maxRetries: 0 } });
    expect(snapshot.outcome).toMatchObject({ ok: false, kind: 'TIMEOUT', retryable: true });
  });
});
