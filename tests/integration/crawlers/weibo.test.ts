import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserFetcher } from '@/crawlers/browser';
import { weiboCrawler } from '@/crawlers/platforms/weibo';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { CrawlTarget } from '@/crawlers/types';
import { snapshotInputSchema } from '@/lib/schemas/snapshot';
import { loadScenarioFile, sandboxContext, startTestSandbox } from '../../helpers/crawler-sandbox';

const NOW = new Date('2026-11-25T08:00:00+08:00');
const SINCE = new Date(NOW.getTime() - 30 * 86_400_000);
const BASE = loadScenarioFile('weibo-basic.json');
const target = (overrides: Partial<CrawlTarget> = {}): CrawlTarget => ({
  accountId: 'acc-weibo',
  platform: 'WEIBO',
  handle: '7400000001',
  displayName: '江川发布',
  crawlConfig: {},
  since: SINCE,
  ...overrides,
});

let sandbox: SandboxHandle;
const withFailures = (failures: ScenarioInput['failures']) => sandbox.setScenario({ ...BASE, failures });
const crawl = (t = target(), http = {}) => weiboCrawler.crawl(t, sandboxContext(sandbox, NOW, http));

beforeAll(async () => {
  sandbox = await startTestSandbox(BASE);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  withFailures([]);
  sandbox.requests.length = 0;
});

describe('weibo crawler against the sandbox', () => {
  it('reads profile, pages the timeline with since_id and covers [since, now]', async () => {
    const snapshot = snapshotInputSchema.parse(await crawl());
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.profile).toMatchObject({
      displayName: '江川发布',
      followersCount: 352_000,
      followingCount: 218,
      postsCount: 12873,
      isVerified: true,
      verifiedType: 1,
    });
    expect(snapshot.coverage).toEqual({ from: SINCE, to: NOW });
    const ids = snapshot.posts.map((p) => p.platformPostId);
    expect(ids).toHaveLength(12);
    expect(ids).not.toContain('5290000000000001');
    expect(ids).not.toContain('5300009000000001');
    const timelineCalls = sandbox.requests.filter((r) => r.routeId === 'weibo.timeline');
    expect(timelineCalls).toHaveLength(2);
    expect(timelineCalls[1].query).toContain('since_id=');
  });

  it('marks the pinned post, expands long text, keeps external links and maps reposts', async () => {
    const { posts } = await crawl();
    const pinned = posts.find((p) => p.platformPostId === '5150000000000001');
    expect(pinned?.isPinned).toBe(true);
    const heat = posts.find((p) => p.platformPostId === '5300012345678901');
    expect(heat?.text).toContain('请耐心等待');
    expect(heat?.text).not.toContain('全文');
    expect(heat?.text).not.toContain('<');
    expect(heat?.links).toEqual(['https://www.jiangchuan.gov.cn/gnxx/2026/heat.html']);
    expect(heat?.url).toBe('https://weibo.com/7400000001/Q8aBcDeFg');
    expect(sandbox.requests.some((r) => r.routeId === 'weibo.extend')).toBe(true);
    const repost = posts.find((p) => p.platformPostId === '5300011111111111');
    expect(repost).toMatchObject({
      isRepost: true,
      repostOfText: '江川市气象台发布寒潮蓝色预警',
      repostOfUrl: 'https://weibo.com/7500000002/B00000001',
    });
  });

  it('collects comments and flags the account’s own replies', async () => {
    const { posts } = await crawl();
    const comments = posts.find((p) => p.platformPostId === '5300012345678901')?.comments ?? [];
    expect(comments.map((c) => c.platformCommentId).sort()).toEqual([
      '5300012399990001',
      '5300012399990002',
      '5300012399990321',
    ]);
    const reply = comments.find((c) => c.platformCommentId === '5300012399990321');
    expect(reply).toMatchObject({
      isOwnReply: true,
      replyToPlatformCommentId: '5300012399990001',
      authorPlatformId: '7400000001',
    });
    expect(reply?.text.startsWith('回复@江川市民小王:')).toBe(true);
    expect(comments.find((c) => c.platformCommentId === '5300012399990002')).toMatchObject({
      isOwnReply: false,
      text: '点赞，终于暖和了[赞]',
    });
  });

  it('a post whose public comments were read takes comments; a post without any stays unknown (no field says "closed")', async () => {
    const { posts } = await crawl();
    expect(posts.find((p) => p.platformPostId === '5300012345678901')?.commentsEnabled).toBe(true);
    const silent = posts.filter((p) => p.comments.every((c) => c.isOwnReply));
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.every((p) => p.commentsEnabled === null)).toBe(true);
  });

  it('confirms vanished posts as deleted through /statuses/show', async () => {
    const snapshot = await crawl(
      target({ knownPostIds: ['5300009000000001', '5290000000000001', '5300010000000001'] }),
    );
    expect(snapshot.deletedPostIds).toEqual(['5300009000000001']);
  });

  it('falls back to the detail page when /statuses/extend fails, and stays partial when both fail', async () => {
    withFailures([{ kind: 'status', status: 500, route: 'weibo.extend' }]);
    const fallback = await crawl();
    expect(fallback.posts.find((p) => p.platformPostId === '5300012345678901')?.text).toContain('请耐心等待');
    expect(fallback.outcome).toEqual({ ok: true, partial: false });
    withFailures([
      { kind: 'status', status: 500, route: 'weibo.extend' },
      { kind: 'status', status: 500, route: 'weibo.detail' },
    ]);
    const partial = await crawl();
    expect(partial.outcome).toEqual({ ok: true, partial: true });
    expect(partial.coverage).toEqual({ from: SINCE, to: NOW });
  });

  it('reads the detail page in real Chromium when the browser fallback is on and /statuses/extend fails', async () => {
    withFailures([{ kind: 'status', status: 500, route: 'weibo.extend' }]);
    const ctx = sandboxContext(sandbox, NOW);
    const browser = createBrowserFetcher({ guard: ctx.http.guard });
    try {
      const snapshot = await weiboCrawler.crawl(target(), { ...ctx, browser });
      expect(snapshot.posts.find((p) => p.platformPostId === '5300012345678901')?.text).toContain('请耐心等待');
      expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    } finally {
      await browser.close();
    }
    const detail = sandbox.requests.filter((r) => r.routeId === 'weibo.detail');
    expect(detail.length).toBeGreaterThan(0);
    expect(detail.every((r) => /HeadlessChrome|Chrome\//.test(r.userAgent ?? ''))).toBe(true);
  }, 60_000);

  it('limits coverage to the oldest fetched post when the page budget runs out', async () => {
    const snapshot = await crawl(target({ crawlConfig: { weibo: { maxPages: 1 } } }));
    expect(snapshot.outcome).toEqual({ ok: true, partial: true });
    expect(snapshot.coverage?.from).toEqual(new Date(NOW.getTime() - 9 * 86_400_000));
  });
});

describe('weibo failure outcomes', () => {
  const cases: [string, ScenarioInput['failures'], Partial<CrawlTarget>, object][] = [
    [
      'HTTP 418',
      [{ kind: 'status', status: 418, route: 'weibo.timeline' }],
      {},
      { kind: 'RATE_LIMITED', httpStatus: 418, retryable: true },
    ],
    ['HTTP 432', [{ kind: 'status', status: 432 }], {}, { kind: 'RATE_LIMITED', httpStatus: 432 }],
    ['ok:-100 login wall', [{ kind: 'login_wall' }], {}, { kind: 'LOGIN_WALL' }],
    ['302 to passport', [{ kind: 'login_redirect' }], {}, { kind: 'LOGIN_WALL' }],
    ['captcha', [{ kind: 'captcha', route: 'weibo.timeline' }], {}, { kind: 'BLOCKED' }],
    ['malformed JSON', [{ kind: 'malformed_json', route: 'weibo.timeline' }], {}, { kind: 'PARSE', retryable: false }],
    ['HTTP 404', [{ kind: 'status', status: 404, route: 'weibo.profile' }], {}, { kind: 'NOT_FOUND', httpStatus: 404 }],
    ['closed account', [], { handle: '7400000002' }, { kind: 'NOT_FOUND' }],
    ['unknown uid', [], { handle: '7499999999' }, { kind: 'NOT_FOUND' }],
    ['banned account', [], { handle: '7400000003' }, { kind: 'BLOCKED' }],
    ['HTTP 403', [{ kind: 'status', status: 403, route: 'weibo.profile' }], {}, { kind: 'BLOCKED', httpStatus: 403 }],
  ];

  it.each(cases)('%s → failed outcome without coverage', async (_name, failures, overrides, expected) => {
    withFailures(failures);
    const snapshot = snapshotInputSchema.parse(await crawl(target(overrides)));
    expect(snapshot.outcome).toMatchObject({ ok: false, ...expected });
    expect(snapshot.coverage).toBeNull();
    expect(snapshot.posts).toEqual([]);
  });

  it('times out on a slow upstream', async () => {
    withFailures([{ kind: 'delay', delayMs: 400, route: 'weibo.profile' }]);
    const snapshot = await crawl(target(), { timeoutMs: 100, backoff: { maxRetries: 1 } });
    expect(snapshot.outcome).toMatchObject({ ok: false, kind: 'TIMEOUT', retryable: true });
  });

  it('retries a transient 500 and then succeeds', async () => {
    withFailures([{ kind: 'status', status: 500, route: 'weibo.timeline', times: 2 }]);
    const snapshot = await crawl();
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(sandbox.requests.filter((r) => r.routeId === 'weibo.timeline' && r.status === 500)).toHaveLength(2);
  });

  it('opens the circuit after repeated failures and then fails fast without a request', async () => {
    withFailures([{ kind: 'status', status: 503 }]);
    const ctx = sandboxContext(sandbox, NOW, {
      breaker: { failureThreshold: 3, coolDownMs: 60_000 },
      backoff: { maxRetries: 5 },
    });
    const first = await weiboCrawler.crawl(target(), ctx);
    expect(first.outcome).toMatchObject({ ok: false, kind: 'HTTP', httpStatus: 503 });
    const before = sandbox.requests.length;
    const second = await weiboCrawler.crawl(target(), ctx);
    expect(second.outcome).toMatchObject({ ok: false, kind: 'CIRCUIT_OPEN' });
    expect(sandbox.requests.length).toBe(before);
  });

  it('refuses a loopback target that is not allowlisted (SSRF guard) before any request', async () => {
    const snapshot = await crawl(target(), { allowHosts: [] });
    expect(snapshot.outcome).toMatchObject({ ok: false, kind: 'SSRF_REFUSED', retryable: false });
    expect(sandbox.requests).toHaveLength(0);
  });
});
