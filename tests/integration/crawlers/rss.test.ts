import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFeedCrawler } from '@/crawlers/platforms/rss';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { CrawlTarget } from '@/crawlers/types';
import { snapshotInputSchema } from '@/lib/schemas/snapshot';
import { loadScenarioFile, sandboxContext, startTestSandbox } from '../../helpers/crawler-sandbox';

const NOW = new Date('2026-11-25T08:00:00+08:00');
const DAY = 86_400_000;
const SINCE = new Date(NOW.getTime() - 14 * DAY);
const BASE = loadScenarioFile('feeds-basic.json');
const target = (overrides: Partial<CrawlTarget> = {}): CrawlTarget => ({
  accountId: 'acc-dy',
  platform: 'DOUYIN',
  handle: 'MS4wLjABAAAAjiangchuan',
  displayName: '江川发布抖音号',
  crawlConfig: {},
  since: SINCE,
  ...overrides,
});

let sandbox: SandboxHandle;
const withFailures = (failures: ScenarioInput['failures']) => sandbox.setScenario({ ...BASE, failures });
const crawl = (t = target(), http = {}) => createFeedCrawler(t.platform).crawl(t, sandboxContext(sandbox, NOW, http));

beforeAll(async () => {
  sandbox = await startTestSandbox(BASE);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  withFailures([]);
  sandbox.requests.length = 0;
});

describe('feed crawler against the sandbox', () => {
  it.each(['rss', 'atom', 'json'])('reads the RSSHub %s format into posts inside the window', async (format) => {
    const config =
      format === 'rss' ? {} : { feed: { rsshubPath: `/douyin/user/MS4wLjABAAAAjiangchuan?format=${format}` } };
    const snapshot = snapshotInputSchema.parse(await crawl(target({ crawlConfig: config })));
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    // Douyin posts keep the native video id from the link, not the bridge's guid.
    expect(snapshot.posts.map((p) => p.platformPostId)).toEqual(['7400000000000000003', '7400000000000000002']);
    const [first, second] = snapshot.posts;
    expect(first.text).toBe('江川冬季供暖全面启动 详情');
    expect(first.links).toEqual(['https://www.jiangchuan.gov.cn/heat']);
    expect(first.publishedAt).toEqual(new Date(NOW.getTime() - DAY));
    expect(second.text).toBe('政务公开日 & 开放日');
    // Oldest item (-20d) is older than since, so the window [since, now] was seen.
    expect(snapshot.coverage).toEqual({ from: SINCE, to: NOW });
    expect(sandbox.requests[0].query).toContain('limit=50');
  });

  it('covers only back to the oldest item when the feed is shorter than the window', async () => {
    const snapshot = await crawl(target({ since: new Date(NOW.getTime() - 60 * DAY) }));
    expect(snapshot.coverage).toEqual({ from: new Date(NOW.getTime() - 20 * DAY), to: NOW });
    const complete = await crawl(
      target({ since: new Date(NOW.getTime() - 60 * DAY), crawlConfig: { feed: { listsAllItems: true } } }),
    );
    expect(complete.coverage?.from).toEqual(new Date(NOW.getTime() - 60 * DAY));
  });

  it('reads a we-mp-rss feed by explicit URL with content:encoded', async () => {
    const url = `${sandbox.origins.weMpRss}/rss/MzkwMDAwMDAwMQ`;
    const snapshot = await createFeedCrawler('WECHAT').crawl(
      target({ platform: 'WECHAT', handle: 'gh_0a1b2c3d4e5f', crawlConfig: { feed: { url } } }),
      sandboxContext(sandbox, NOW),
    );
    expect(snapshot.posts).toHaveLength(1);
    expect(snapshot.posts[0]).toMatchObject({
      platformPostId: 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv',
      title: '江川市冬季供暖今起全面启动',
      text: '11月24日起全市集中供暖全面启动',
    });
  });

  it('an empty RSSHub route is an error page, never "no posts"', async () => {
    const snapshot = await crawl(target({ platform: 'TOUTIAO', handle: 'empty-token' }), {
      backoff: { maxRetries: 0 },
    });
    expect(snapshot.outcome).toMatchObject({ ok: false, kind: 'HTTP', httpStatus: 503 });
    expect(snapshot.coverage).toBeNull();
  });

  const failures: [string, ScenarioInput['failures'], object][] = [
    ['HTTP 429', [{ kind: 'status', status: 429 }], { kind: 'RATE_LIMITED', httpStatus: 429 }],
    ['truncated XML', [{ kind: 'malformed_json' }], { kind: 'PARSE' }],
    ['HTTP 404', [{ kind: 'status', status: 404 }], { kind: 'NOT_FOUND' }],
  ];
  it.each(failures)('%s → failed outcome without coverage', async (_name, list, expected) => {
    withFailures(list);
    const snapshot = await crawl();
    expect(snapshot.outcome).toMatchObject({ ok: false, ...expected });
    expect(snapshot.coverage).toBeNull();
  });

  it('times out on a slow bridge', async () => {
    withFailures([{ kind: 'delay', delayMs: 400 }]);
    const snapshot = await crawl(target(), { timeoutMs: 100, backoff: { maxRetries: 0 } });
    expect(snapshot.outcome).toMatchObject({ ok: false, kind: 'TIMEOUT' });
  });

  it('refuses a non-allowlisted loopback feed URL', async () => {
    const snapshot = await crawl(target({ crawlConfig: { feed: { url: 'http://127.0.0.1:9/feed.xml' } } }));
    expect(snapshot.outcome).toMatchObject({ ok: false, kind: 'SSRF_REFUSED' });
    expect(sandbox.requests).toHaveLength(0);
  });
});
