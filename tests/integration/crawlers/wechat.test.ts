import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWechatCrawler } from '@/crawlers/platforms/wechat';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { CrawlTarget } from '@/crawlers/types';
import { snapshotInputSchema, type SnapshotInput } from '@/lib/schemas/snapshot';
import { loadScenarioFile, sandboxContext, startTestSandbox } from '../../helpers/crawler-sandbox';

const NOW = new Date('2026-11-25T08:00:00+08:00');
const DAY = 86_400_000;
const SINCE = new Date(NOW.getTime() - 30 * DAY);
const BASE = loadScenarioFile('wechat-basic.json');
const MP = {
  kind: 'WECHAT_MP_BACKEND',
  cookie: 'slave_sid=SECRETSESSIONID; slave_user=gh_operator',
  token: '1234567890',
};
const OFFICIAL = { kind: 'WECHAT_OFFICIAL_API', appId: 'wx0a1b2c3d4e5f6a7b', appSecret: 'sandbox-secret-jiangchuan' };
const target = (overrides: Partial<CrawlTarget> = {}): CrawlTarget => ({
  accountId: 'acc-wechat',
  platform: 'WECHAT',
  handle: 'gh_0a1b2c3d4e5f',
  displayName: '江川发布',
  crawlConfig: {},
  since: SINCE,
  credential: MP,
  ...overrides,
});
const IN_WINDOW_LIVE = ['12', '11', '08', '07', '06', '05', '04', '03'].map((n) => `22475000${n}_1`);

let sandbox: SandboxHandle;
const withFailures = (failures: ScenarioInput['failures']) => sandbox.setScenario({ ...BASE, failures });
const crawl = async (t = target(), now = NOW, crawler = createWechatCrawler()) =>
  snapshotInputSchema.parse(await crawler.crawl(t, sandboxContext(sandbox, now)));
const calls = (routeId: string) => sandbox.requests.filter((r) => r.routeId === routeId);

beforeAll(async () => {
  sandbox = await startTestSandbox(BASE);
});
afterAll(() => sandbox.close());
beforeEach(() => {
  withFailures([]);
  sandbox.setNow(null);
  sandbox.requests.length = 0;
});

const expectFailed = (snapshot: SnapshotInput, expected: object) => {
  expect(snapshot.outcome).toMatchObject({ ok: false, ...expected });
  expect(snapshot.coverage).toBeNull();
  expect(snapshot.posts).toEqual([]);
  const message = snapshot.outcome.ok ? '' : snapshot.outcome.message;
  for (const secret of ['SECRETSESSIONID', '1234567890', 'sandbox-secret-jiangchuan'])
    expect(message).not.toContain(secret);
};

describe('wechat MP-backend route (B/C)', () => {
  it('finds the account, pages appmsgpublish to `since`, reads article pages and covers [since, now]', async () => {
    const snapshot = await crawl();
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.coverage).toEqual({ from: SINCE, to: NOW });
    expect(snapshot.posts.map((p) => p.platformPostId)).toEqual(IN_WINDOW_LIVE);
    expect(snapshot.deletedPostIds.sort()).toEqual(['2247500009_1', '2247500010_1']);
    const heat = snapshot.posts[0];
    expect(heat).toMatchObject({
      title: '江川市冬季供暖今起全面启动',
      url: 'https://mp.weixin.qq.com/s/AbCdEfGhIjKlMnOpQrStUv',
      links: ['https://www.jiangchuan.gov.cn/zjj/gnzx.html'],
    });
    expect(heat?.text).toBe(
      '11月24日起，全市集中供暖全面启动，老旧小区管网已完成注水调试。\n\n供暖咨询：江川市住建局，热线 12345。',
    );
    expect(heat?.publishedAt.getTime()).toBe(NOW.getTime() - DAY + 5000);
    expect(snapshot.posts.find((p) => p.platformPostId === '2247500008_1')).toMatchObject({
      title: '江川市政务公开日活动',
      text: '江川市政务公开日活动。\n详情请见江川市政府网站。',
    });
    expect(snapshot.profile).toMatchObject({
      displayName: '江川发布',
      isVerified: true,
      ipLocation: '浙江',
      description: '江川市人民政府新闻办公室官方公众号',
    });
    expect(calls('wechat.appmsgpublish')).toHaveLength(2);
    expect(calls('wechat.searchbiz')).toHaveLength(1);
  });

  it('reads the older appmsg list (route C), which omits deleted articles; the violation page is still a deletion signal', async () => {
    const snapshot = await crawl(
      target({
        crawlConfig: { route: 'mp', wechat: { listApi: 'appmsg', fakeid: 'MzkwMDAwMDAwMQ==', profile: false } },
      }),
    );
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.posts.map((p) => p.platformPostId)).toEqual(IN_WINDOW_LIVE);
    expect(snapshot.deletedPostIds).toEqual(['2247500009_1']);
    expect(calls('wechat.searchbiz')).toHaveLength(0);
    expect(calls('wechat.appmsg').length).toBeGreaterThan(0);
  });

  it('stops at the page budget with coverage from the oldest post, partial', async () => {
    const snapshot = await crawl(target({ crawlConfig: { wechat: { pageSize: 3, maxPages: 1 } } }));
    expect(snapshot.outcome).toEqual({ ok: true, partial: true });
    expect(snapshot.coverage?.from.getTime()).toBe(NOW.getTime() - 3 * DAY + 5000);
  });

  it('a rate-limited article page keeps the list (digest text), stops further pages and marks the crawl partial', async () => {
    withFailures([{ kind: 'rate_limit', route: 'wechat.article' }]);
    const snapshot = await crawl();
    expect(snapshot.outcome).toEqual({ ok: true, partial: true });
    expect(snapshot.coverage).toEqual({ from: SINCE, to: NOW });
    expect(snapshot.posts[0]?.text.startsWith('11月24日起，全市集中供暖全面启动')).toBe(true);
    expect(snapshot.posts[0]?.text).not.toContain('热线 12345');
    expect(calls('wechat.article')).toHaveLength(1);
    expect(snapshot.deletedPostIds).toEqual(['2247500010_1']);
  });

  it('an article captcha redirect is a stop signal too', async () => {
    withFailures([{ kind: 'captcha', route: 'wechat.article' }]);
    const snapshot = await crawl();
    expect(snapshot.outcome).toEqual({ ok: true, partial: true });
    expect(calls('wechat.captcha')).toHaveLength(0);
  });

  const cases: [string, ScenarioInput['failures'], Partial<CrawlTarget>, object][] = [
    [
      'ret 200003 invalid session',
      [{ kind: 'login_wall', route: 'wechat.appmsgpublish' }],
      {},
      { kind: 'LOGIN_WALL', retryable: false },
    ],
    ['redirect to the login page', [{ kind: 'login_redirect', route: 'wechat.searchbiz' }], {}, { kind: 'LOGIN_WALL' }],
    [
      'ret 200013 freq control',
      [{ kind: 'rate_limit', route: 'wechat.appmsgpublish' }],
      {},
      { kind: 'RATE_LIMITED', retryable: true },
    ],
    ['backend captcha', [{ kind: 'captcha', route: 'wechat.appmsgpublish' }], {}, { kind: 'BLOCKED' }],
    ['malformed JSON', [{ kind: 'malformed_json', route: 'wechat.appmsgpublish' }], {}, { kind: 'PARSE' }],
    [
      'HTTP 404',
      [{ kind: 'status', status: 404, route: 'wechat.appmsgpublish' }],
      {},
      { kind: 'NOT_FOUND', httpStatus: 404 },
    ],
    [
      'session without cookie',
      [],
      { credential: { ...MP, cookie: undefined }, crawlConfig: { route: 'mp' } },
      { kind: 'AUTH' },
    ],
    ['unknown account name', [], { handle: 'gh_ffffffffffff', displayName: '不存在的公众号' }, { kind: 'NOT_FOUND' }],
    [
      'blocked account (此帐号已被屏蔽)',
      [],
      { handle: 'MzkwMDAwMDAwMw==', displayName: '青山发布' },
      { kind: 'BLOCKED' },
    ],
  ];

  it.each(cases)(
    '%s → failed outcome without coverage, no secret in the message',
    async (_name, failures, overrides, expected) => {
      withFailures(failures);
      expectFailed(await crawl(target(overrides)), expected);
    },
  );
});

describe('wechat official-API route (A)', () => {
  const official = (overrides: Partial<CrawlTarget> = {}) => target({ credential: OFFICIAL, ...overrides });

  it('reads the whole unordered published list, keeps the window, flags deleted items and 留言', async () => {
    const snapshot = await crawl(official());
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.coverage).toEqual({ from: SINCE, to: NOW });
    expect(snapshot.posts).toHaveLength(9);
    expect(snapshot.deletedPostIds).toEqual([`Jc3x${'2247500010'.padStart(36, '0')}_1`]);
    const heat = snapshot.posts.find((p) => p.title === '江川市冬季供暖今起全面启动');
    expect(heat).toMatchObject({ commentsEnabled: true, links: ['https://www.jiangchuan.gov.cn/zjj/gnzx.html'] });
    expect(heat?.text).toContain('热线 12345');
    expect(snapshot.posts.find((p) => p.title === '江川市寒潮蓝色预警')?.commentsEnabled).toBe(false);
    expect(snapshot.profile).toMatchObject({ displayName: '江川发布', isInteractionEnabled: true, ipLocation: '浙江' });
    expect(calls('wechat.api.batchget')).toHaveLength(1);
  });

  it("reads 留言 through comment/list: public comments and the account's replies, 88000 as closed, comments declared read", async () => {
    const snapshot = await crawl(official());
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.factsRead).toEqual(['posts', 'profile', 'comments']);
    const heat = snapshot.posts.find((p) => p.title === '江川市冬季供暖今起全面启动');
    expect(
      heat?.comments.map((c) => [c.platformCommentId, c.isOwnReply, c.replyToPlatformCommentId ?? null, c.text]),
    ).toEqual([
      ['1', false, null, '请问老旧小区什么时候能通暖气？'],
      ['1-reply', true, '1', '您好，老旧小区本周内全部通暖，可拨打12345咨询。'],
      ['2', false, null, '供暖不热打哪个电话？'],
      ['3', false, null, '点赞，今年暖气很热'],
    ]);
    expect(heat?.comments[1]?.publishedAt.getTime()).toBe(NOW.getTime() - 21 * 3_600_000);
    const openDay = snapshot.posts.find((p) => p.title === '江川市政务公开日活动');
    expect(openDay?.comments.filter((c) => c.isOwnReply).map((c) => c.replyToPlatformCommentId)).toEqual(['1', '2']);
    expect(snapshot.posts.find((p) => p.title === '江川市寒潮蓝色预警')).toMatchObject({
      commentsEnabled: false,
      comments: [],
    });
    // One request per window article; the short link's mid/idx came from its page, read once with the profile.
    expect(calls('wechat.api.commentList').map((r) => r.status)).toEqual(Array(9).fill(200));
    expect(calls('wechat.article')).toHaveLength(1);
  });

  it('a failed comment/list keeps posts and coverage but does not declare comments read', async () => {
    withFailures([{ kind: 'malformed_json', route: 'wechat.api.commentList', times: 1 }]);
    const snapshot = await crawl(official());
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.coverage).toEqual({ from: SINCE, to: NOW });
    expect(snapshot.factsRead).toEqual(['posts', 'profile']);
  });

  it('the quota running out on comment/list stops asking and leaves comments not read', async () => {
    withFailures([{ kind: 'rate_limit', route: 'wechat.api.commentList' }]);
    const snapshot = await crawl(official());
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.factsRead).toEqual(['posts', 'profile']);
    expect(calls('wechat.api.commentList')).toHaveLength(1);
  });

  it('commentPages 0 reads no 留言', async () => {
    const snapshot = await crawl(official({ crawlConfig: { wechat: { commentPages: 0 } } }));
    expect(snapshot.factsRead).toEqual(['posts', 'profile']);
    expect(calls('wechat.api.commentList')).toHaveLength(0);
  });

  it('caches the access_token across crawls until it expires', async () => {
    const crawler = createWechatCrawler();
    await crawl(official(), NOW, crawler);
    await crawl(official(), new Date(NOW.getTime() + 3_600_000), crawler);
    expect(calls('wechat.api.token')).toHaveLength(1);
    await crawl(official(), new Date(NOW.getTime() + 2 * 3_600_000), crawler);
    expect(calls('wechat.api.token')).toHaveLength(2);
  });

  it('refreshes an expired token (42001) once and succeeds', async () => {
    const crawler = createWechatCrawler();
    await crawl(official(), NOW, crawler);
    sandbox.setNow(new Date(NOW.getTime() + 3 * 3_600_000));
    const later = await crawl(official(), new Date(NOW.getTime() + 3_600_000), crawler);
    expect(later.outcome).toEqual({ ok: true, partial: false });
    expect(calls('wechat.api.token')).toHaveLength(2);
    expect(calls('wechat.api.batchget').map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('refreshes once after an injected token rejection', async () => {
    withFailures([{ kind: 'login_wall', route: 'wechat.api.batchget', times: 1 }]);
    expect((await crawl(official())).outcome).toEqual({ ok: true, partial: false });
    expect(calls('wechat.api.token')).toHaveLength(2);
  });

  const cases: [string, ScenarioInput['failures'], Partial<CrawlTarget>, object][] = [
    ['token rejected twice', [{ kind: 'login_wall', route: 'wechat.api.batchget' }], {}, { kind: 'AUTH' }],
    ['wrong AppSecret (40001)', [], { credential: { ...OFFICIAL, appSecret: 'wrong-secret-value' } }, { kind: 'AUTH' }],
    ['unknown AppID (40013)', [], { credential: { ...OFFICIAL, appId: 'wx0000000000000000' } }, { kind: 'AUTH' }],
    [
      'IP not whitelisted (40164)',
      [],
      { credential: { kind: 'WECHAT_OFFICIAL_API', appId: 'wx9f8e7d6c5b4a3b2c', appSecret: 'sandbox-secret-zixun' } },
      { kind: 'AUTH', message: expect.stringContaining('whitelist') },
    ],
    [
      'daily quota (45009)',
      [{ kind: 'rate_limit', route: 'wechat.api.batchget' }],
      {},
      { kind: 'RATE_LIMITED', retryable: false },
    ],
    ['HTTP 404', [{ kind: 'status', status: 404, route: 'wechat.api.token' }], {}, { kind: 'NOT_FOUND' }],
  ];

  it.each(cases)(
    '%s → failed outcome without coverage, no secret in the message',
    async (_name, failures, overrides, expected) => {
      withFailures(failures);
      expectFailed(await crawl(official(overrides)), expected);
    },
  );
});

describe('wechat RSS-bridge route (F)', () => {
  it('reads the we-mp-rss feed through the feed crawler, with its <id> as the post id', async () => {
    const snapshot = await crawl(
      target({ credential: undefined, crawlConfig: { route: 'RSS_BRIDGE', weMpRssId: 'MzkwMDAwMDAwMQ' } }),
    );
    expect(snapshot.outcome).toEqual({ ok: true, partial: false });
    expect(snapshot.posts.map((p) => p.platformPostId)).toContain('2247500012');
    expect(snapshot.posts.map((p) => p.platformPostId)).not.toContain('2247500010');
    expect(snapshot.coverage).toEqual({ from: SINCE, to: NOW });
  });

  it('an account with neither credential nor feed fails as AUTH', async () => {
    expectFailed(await crawl(target({ credential: undefined })), { kind: 'AUTH' });
  });
});
