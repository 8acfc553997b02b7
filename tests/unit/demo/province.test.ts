import { describe, expect, it } from 'vitest';
import { parseScenario } from '@/crawlers/sandbox/scenario';
import {
  buildDemoProvince,
  DEMO_GOLDEN_ACCOUNTS,
  DEMO_TRAIT_ACCOUNTS,
  toSandboxScenario,
  toSnapshotInputs,
} from '@/lib/demo';
import { PLATFORM_CODES } from '@/lib/schemas/enums';
import { snapshotInputSchema } from '@/lib/schemas/snapshot';

const DAY = 86_400_000;
const now = new Date('2026-11-25T04:00:00Z');
const province = buildDemoProvince({ now });
const history = (key: string) => {
  const h = province.histories.get(key);
  if (!h) throw new Error(`no history for ${key}`);
  return h;
};
const account = (key: string) => {
  const a = province.accounts.find((x) => x.key === key);
  if (!a) throw new Error(`no account ${key}`);
  return a;
};
const allText = (key: string) =>
  history(key)
    .posts.flatMap((p) => [p.text, p.repostOfText ?? '', ...p.comments.map((c) => c.text)])
    .join('\n');
const lastPostDaysAgo = (key: string) =>
  (now.getTime() - Math.max(...history(key).posts.map((p) => p.publishedAt.getTime()))) / DAY;

describe('demo province', () => {
  it('is deterministic for the same seed and clock, and differs for another seed', () => {
    const again = buildDemoProvince({ now });
    expect(again).toEqual(province);
    const other = buildDemoProvince({ now, seed: 7 });
    expect(other.accounts.map((a) => a.handle)).toEqual(province.accounts.map((a) => a.handle));
    expect(allText('jc-office:WEIBO')).not.toBe(
      other.histories
        .get('jc-office:WEIBO')
        ?.posts.map((p) => p.text)
        .join('\n'),
    );
  }, 30_000);

  it('has a tree of at least 40 agencies on 3+ levels, with supervising offices and stable parents', () => {
    const keys = new Set(province.agencies.map((a) => a.key));
    expect(province.agencies.length).toBeGreaterThanOrEqual(40);
    expect(new Set(province.agencies.map((a) => a.level)).size).toBeGreaterThanOrEqual(3);
    expect(keys.size).toBe(province.agencies.length);
    expect(new Set(province.agencies.map((a) => a.code)).size).toBe(province.agencies.length);
    for (const a of province.agencies) if (a.parentKey) expect(keys.has(a.parentKey)).toBe(true);
    expect(province.agencies.filter((a) => a.parentKey === null)).toHaveLength(1);
    const offices = province.agencies.filter((a) => a.isSupervisingUnit).map((a) => a.name);
    expect(offices).toEqual(
      expect.arrayContaining(['江川省人民政府办公厅', '江川市人民政府办公室', '临溪县人民政府办公室']),
    );
    expect(offices.every((n) => /办公(厅|室)$/.test(n))).toBe(true);
    expect(province.agencies.map((a) => a.name)).toEqual(
      expect.arrayContaining(['江川市公安局', '青山县卫生健康局', '白沙镇人民政府']),
    );
    for (const a of province.agencies) expect(a.regionCode).toMatch(/^39\d{4}(\d{3})?$/);
  });

  it('has at least 120 accounts on every platform, in each platform handle format', () => {
    expect(province.accounts.length).toBeGreaterThanOrEqual(120);
    const platforms = new Set(province.accounts.map((a) => a.platformCode));
    for (const p of ['WEIBO', 'WECHAT', 'APP_IOS', 'APP_ANDROID', 'DOUYIN', 'TOUTIAO', 'RSS'] as const)
      expect(platforms.has(p)).toBe(true);
    const handles = province.accounts.map((a) => `${a.platformCode}:${a.handle}`);
    expect(new Set(handles).size).toBe(handles.length);
    const format: Partial<Record<(typeof PLATFORM_CODES)[number], RegExp>> = {
      WEIBO: /^74000000\d{2}$/,
      WECHAT: /^gh_[0-9a-f]{12}$/,
      APP_IOS: /^64000000\d{2}$/,
      APP_ANDROID: /^cn\.gov\.jiangchuan\.[a-z0-9]+$/,
      DOUYIN: /^MS4wLjABAAAA/,
    };
    for (const a of province.accounts) {
      const re = format[a.platformCode];
      if (re) expect(a.handle).toMatch(re);
    }
  });

  it('has a few unfiled, closed and renamed accounts, and names that mostly follow the naming rule', () => {
    const agencies = new Map(province.agencies.map((a) => [a.key, a]));
    expect(province.accounts.filter((a) => a.filingStatus === 'UNFILED').length).toBeGreaterThanOrEqual(3);
    expect(province.accounts.filter((a) => a.lifecycle === 'CLOSED').map((a) => a.key)).toEqual([
      ...DEMO_TRAIT_ACCOUNTS.closed,
    ]);
    expect(province.accounts.filter((a) => a.lifecycle === 'CHANGED').map((a) => a.key)).toEqual([
      ...DEMO_TRAIT_ACCOUNTS.changed,
    ]);
    const breaking = province.accounts.filter(
      (a) => !new RegExp(agencies.get(a.agencyKey)?.namingRule ?? '', 'u').test(a.displayName),
    );
    expect(breaking.map((a) => a.key).sort()).toEqual([...DEMO_TRAIT_ACCOUNTS.badName].sort());
    const renamed = history(DEMO_TRAIT_ACCOUNTS.changed[0]);
    expect(renamed.profiles.map((p) => p.profile.displayName)).toEqual([
      account(DEMO_TRAIT_ACCOUNTS.changed[0]).rename?.from,
      account(DEMO_TRAIT_ACCOUNTS.changed[0]).displayName,
    ]);
  });

  it('spans 60 days of posts ending at now, with public comments and own replies', () => {
    const posts = [...province.histories.values()].flatMap((h) => h.posts);
    const times = posts.map((p) => p.publishedAt.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - Math.max(...times)).toBeLessThan(DAY);
    expect((now.getTime() - Math.min(...times)) / DAY).toBeGreaterThan(58);
    const comments = posts.flatMap((p) => p.comments);
    expect(comments.some((c) => !c.isOwnReply)).toBe(true);
    for (const p of posts)
      for (const c of p.comments)
        if (c.isOwnReply && c.replyToPlatformCommentId) {
          const question = p.comments.find((q) => q.platformCommentId === c.replyToPlatformCommentId);
          expect(question && question.publishedAt <= c.publishedAt).toBe(true);
        }
    expect(comments.filter((c) => c.isOwnReply).length).toBeGreaterThan(100);
  });

  it('plants every golden case on its account', () => {
    expect(allText(DEMO_GOLDEN_ACCOUNTS.G1)).toContain('打call');
    expect(
      history(DEMO_GOLDEN_ACCOUNTS.G2)
        .posts.flatMap((p) => p.comments)
        .find((c) => c.isOwnReply && c.text === '你最好永远别来！有你不多无你不少！'),
    ).toBeDefined();
    expect(
      history(DEMO_GOLDEN_ACCOUNTS.G3)
        .posts.flatMap((p) => p.comments)
        .find((c) => c.isOwnReply && c.text === '你不说话没人把你当哑巴'),
    ).toBeDefined();
    expect(account(DEMO_GOLDEN_ACCOUNTS.G3).platformCode).toBe('WECHAT');
    expect(allText(DEMO_GOLDEN_ACCOUNTS.G4)).toContain('之前那个小编已经拜拜了');
    expect(
      history(DEMO_GOLDEN_ACCOUNTS.G5).posts.find((p) => p.isRepost && p.repostOfText?.includes('颠覆国家政权'))
        ?.links[0],
    ).toMatch(/^http:\/\/example-prohibited\.invalid\//);
    const g6 = history(DEMO_GOLDEN_ACCOUNTS.G6).posts;
    const shoes = g6.filter((p) => p.text.includes('卖鞋'));
    expect(shoes).toHaveLength(30);
    expect(new Set(shoes.map((p) => p.publishedAt.toISOString().slice(0, 10))).size).toBe(1);
    const beforeBurst = g6.filter((p) => !p.text.includes('卖鞋')).map((p) => p.publishedAt.getTime());
    expect((Math.min(...shoes.map((p) => p.publishedAt.getTime())) - Math.max(...beforeBurst)) / DAY).toBeGreaterThan(
      90,
    );
    expect(Math.floor(lastPostDaysAgo(DEMO_GOLDEN_ACCOUNTS.G7))).toBe(15);
    expect(account(DEMO_GOLDEN_ACCOUNTS.G7).platformCode).toBe('WECHAT');
    expect(Math.floor(lastPostDaysAgo(DEMO_GOLDEN_ACCOUNTS.G8))).toBeGreaterThanOrEqual(15);
    expect(history(DEMO_GOLDEN_ACCOUNTS.G8).failedCrawls).toHaveLength(10);
    expect(allText(DEMO_GOLDEN_ACCOUNTS.G9)).toContain('张某某 110101199003077571');
    expect(allText(DEMO_GOLDEN_ACCOUNTS.G9)).toContain('13912345678');
    expect(allText(DEMO_GOLDEN_ACCOUNTS.G9)).toContain('110101199003077578');
    const g10 = history(DEMO_GOLDEN_ACCOUNTS.G10);
    const latest = g10.appReleases.at(-1);
    expect(latest).toMatchObject({ rating: 2.1, ratingCount: 300 });
    expect((now.getTime() - (latest?.releasedAt?.getTime() ?? 0)) / DAY / 30.4).toBeGreaterThanOrEqual(13.5);
    expect(
      g10.storeListings.find((l) => l.appName === '江川市民通' && l.sellerName !== latest?.sellerName),
    ).toBeDefined();
    expect(allText(DEMO_GOLDEN_ACCOUNTS.G11)).toContain('请各村务必关注并截图反馈，完成100条下载任务');
    expect(account(DEMO_GOLDEN_ACCOUNTS.G11).platformCode).toBe('WECHAT');
    const g12 = account(DEMO_GOLDEN_ACCOUNTS.G12);
    expect(province.accounts.filter((a) => a.agencyKey === g12.agencyKey && a.platformCode === 'WEIBO')).toHaveLength(
      3,
    );
    const copy = history(`${DEMO_GOLDEN_ACCOUNTS.G12}#2`).posts.map((p) => p.text);
    expect(history(DEMO_GOLDEN_ACCOUNTS.G12).posts.every((p, i) => copy[i]?.startsWith(p.text))).toBe(true);
  });

  it('plants typos and accounts nearing the 14-day limit', () => {
    expect(allText(DEMO_TRAIT_ACCOUNTS.typos)).toContain('再接再励');
    expect(allText(DEMO_TRAIT_ACCOUNTS.typos)).toContain('按装');
    for (const key of DEMO_TRAIT_ACCOUNTS.nearingStale) {
      expect(lastPostDaysAgo(key)).toBeGreaterThanOrEqual(10);
      expect(lastPostDaysAgo(key)).toBeLessThan(14);
    }
  });
});

describe('toSnapshotInputs', () => {
  it('produces inputs that pass the ingest schema, in time order, losing no post or comment', () => {
    for (const a of province.accounts) {
      const h = history(a.key);
      const inputs = toSnapshotInputs(a, h, `id-${a.key}`);
      for (const input of inputs) {
        expect(snapshotInputSchema.safeParse(input).success).toBe(true);
        expect(input.accountId).toBe(`id-${a.key}`);
      }
      expect(inputs.map((i) => i.fetchedAt.getTime())).toEqual(
        inputs.map((i) => i.fetchedAt.getTime()).sort((x, y) => x - y),
      );
      const seenPosts = new Set(inputs.flatMap((i) => i.posts.map((p) => p.platformPostId)));
      const all = [...h.episodes.flatMap((e) => e.posts), ...h.posts];
      expect(seenPosts.size).toBe(all.length);
      const seenComments = new Set(
        inputs.flatMap((i) =>
          i.posts.flatMap((p) => p.comments.map((c) => `${p.platformPostId}/${c.platformCommentId}`)),
        ),
      );
      expect(seenComments.size).toBe(
        all.reduce((n, p) => n + p.comments.filter((c) => c.publishedAt <= h.coveredUntil).length, 0),
      );
    }
  });

  it('has contiguous coverage from the first crawl of the recent history to the last, and profile snapshots over time', () => {
    const a = account('jc-office:WEIBO');
    // The past quarters' episodes are apart (tests/unit/demo/past-quarters.test.ts).
    const ok = toSnapshotInputs(a, history(a.key)).filter(
      (i) => i.outcome.ok && i.fetchedAt > history(a.key).crawlFrom,
    );
    expect(ok.length).toBeGreaterThanOrEqual(8);
    ok.forEach((input, k) => {
      if (k > 0) expect(input.coverage?.from).toEqual(ok[k - 1]?.coverage?.to);
    });
    expect(ok.at(-1)?.coverage?.to).toEqual(now);
    expect(new Set(ok.map((i) => i.profile?.postsCount)).size).toBeGreaterThan(1);
  });

  it('reports G8 as ten HTTP 418 failures without coverage after the last covered crawl', () => {
    const a = account(DEMO_GOLDEN_ACCOUNTS.G8);
    const inputs = toSnapshotInputs(a, history(a.key));
    const failed = inputs.filter((i) => !i.outcome.ok);
    expect(failed).toHaveLength(10);
    for (const f of failed) {
      expect(f.outcome).toMatchObject({ ok: false, kind: 'RATE_LIMITED', httpStatus: 418 });
      expect(f.coverage).toBeNull();
    }
    const lastOk = inputs.filter((i) => i.outcome.ok).at(-1);
    expect(lastOk?.coverage?.to).toEqual(new Date(now.getTime() - 10 * DAY));
  });

  it('reports only the current app version at each crawl, and the store listings', () => {
    const a = account(DEMO_GOLDEN_ACCOUNTS.G10);
    const inputs = toSnapshotInputs(a, history(a.key));
    expect(
      inputs.every((i) => i.coverage === null && i.appReleases.length === 1 && i.appReleases[0]?.rating === 2.1),
    ).toBe(true);
    expect(inputs.at(-1)?.storeListings.map((l) => l.sellerName)).toEqual(
      expect.arrayContaining(['江川市大数据发展中心', '江川某某网络科技有限公司']),
    );
  });
});

describe('toSandboxScenario', () => {
  it('is a valid sandbox scenario with G8 failing with HTTP 418 over its last ten days', () => {
    const scenario = parseScenario(toSandboxScenario(province), 'demo province');
    expect(scenario.accounts.length).toBeGreaterThan(100);
    expect(new Set(scenario.accounts.map((a) => a.platform))).toEqual(
      new Set(['WEIBO', 'WECHAT', 'DOUYIN', 'TOUTIAO', 'APP_IOS', 'APP_ANDROID']),
    );
    const g10 = scenario.accounts.find((a) => a.handle === account(DEMO_GOLDEN_ACCOUNTS.G10).handle);
    expect(g10?.extra).toMatchObject({
      stores: { APP_STORE: { id: g10?.handle } },
      lookalikes: [expect.objectContaining({ store: 'APP_STORE', name: '江川市民通' })],
    });
    const g8 = account(DEMO_GOLDEN_ACCOUNTS.G8);
    expect(scenario.failures).toEqual([
      expect.objectContaining({ kind: 'status', status: 418, handle: g8.handle, days: [-9, 0] }),
    ]);
    const g2 = scenario.accounts.find((a) => a.handle === account(DEMO_GOLDEN_ACCOUNTS.G2).handle);
    expect(
      g2?.posts.flatMap((p) => p.comments.flatMap((c) => c.replies)).some((r) => r.text.includes('你最好永远别来')),
    ).toBe(true);
  });
});
