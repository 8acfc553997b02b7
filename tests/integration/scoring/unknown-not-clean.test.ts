import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { defaultCrawlerRegistry } from '@/crawlers/registry';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import type { PlatformCode } from '@/lib/schemas/enums';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { runInspection } from '@/lib/services/run-inspection';
import { startTestSandbox } from '../../helpers/crawler-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Unknown is not clean (docs/scoring.md): accounts crawled from the sandbox through the real crawlers, the crawl job
// and ingest, then scored by an inspection. A fact the crawl did not read is INSUFFICIENT_DATA with its reason.

const NOW = new Date('2026-11-25T08:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const daily = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) => ({
    id: String(2247600000 + i),
    title: `江川政务动态 ${i}`,
    url: `https://mp.weixin.qq.com/s?__biz=MzkwMDAwMDA5OQ==&mid=${2247600000 + i}&idx=1`,
    publishedAt: `-${from + i}d`,
    text: `<p>江川市政务动态第${i}期</p>`,
    // Citizens ask under the articles; an RSS bridge never carries 留言.
    comments:
      i < 5
        ? [
            {
              id: `9${i}`,
              authorId: `5900${i}`,
              authorName: `市民${i}`,
              text: '请问社保卡怎么补办？',
              publishedAt: `-${from + i - 0.5}d`,
            },
          ]
        : [],
  }));

const SCENARIO: ScenarioInput = {
  name: 'unknown-not-clean',
  now: NOW.toISOString(),
  accounts: [
    {
      platform: 'WECHAT',
      handle: 'gh_h4rss000001',
      profile: { displayName: '江川人社' },
      extra: { weMpRssId: 'H4RSS0001' },
      posts: daily(35),
    },
    {
      platform: 'WEIBO',
      handle: '7400000901',
      profile: { displayName: '青山发布', verified: true, verifiedType: 1 },
      posts: [
        {
          id: '5190000000000002',
          pinned: true,
          publishedAt: '-5d',
          text: '【置顶】青山县冬季供暖热线 12345。',
          counts: { reposts: 0, comments: 0, likes: 3 },
        },
        {
          id: '5190000000000001',
          publishedAt: '-40d',
          text: '青山县秋季防火通知。',
          counts: { reposts: 0, comments: 0, likes: 1 },
        },
      ],
    },
    {
      platform: 'WEIBO',
      handle: '7400000902',
      profile: { displayName: '白沙发布', verified: true, verifiedType: 1 },
      posts: [
        {
          id: '5190000000000003',
          pinned: true,
          publishedAt: '-40d',
          text: '【置顶】白沙县政务服务指南。',
          counts: { reposts: 0, comments: 0, likes: 1 },
        },
      ],
    },
    {
      platform: 'APP_IOS',
      handle: '6400000902',
      profile: { displayName: '清河政务' },
      extra: {
        stores: {
          APP_STORE: {
            id: '6400000902',
            name: '清河政务',
            seller: '清河县人民政府办公室',
            sellerId: '1700000902',
            version: '1.4.0',
            releasedAt: '-200d',
            status: 'REMOVED',
          },
        },
      },
    },
  ],
  failures: [],
};

let t: TestDatabase;
let sandbox: SandboxHandle;
const registry = defaultCrawlerRegistry();

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  sandbox = await startTestSandbox(SCENARIO);
});
afterAll(async () => {
  await sandbox.close();
  await t.drop();
});

const crawlAt = async (accountId: string, now: Date) =>
  runCrawlAccount({
    now,
    db: t.db,
    accountId,
    crawlers: (p: PlatformCode) => registry.get(p),
    ctx: {
      ...createCrawlContext({
        now,
        env: { CRAWLER_ALLOW_HOSTS: sandbox.hostPort, CRAWLER_MIN_DELAY_MS: '0' },
        http: { backoff: { maxRateLimitRetries: 0 } },
      }),
      origins: sandbox.origins,
    },
  });

type Indicator = {
  code: string;
  status: string;
  deducted: number;
  reason?: string;
  reasonDetails?: Record<string, unknown>;
};

async function scoreAt(agencyId: string, accountId: string, monitoringAt: Date) {
  const { id } = await createInspection({
    access: null,
    input: {
      name: `检查 ${monitoringAt.toISOString()}`,
      monitoringAt,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: monitoringAt });
  const score = await t.db.score.findUniqueOrThrow({
    where: { inspectionId_accountId: { inspectionId: id, accountId } },
  });
  const findings = await t.db.finding.findMany({ where: { inspectionId: id, accountId }, orderBy: { ruleId: 'asc' } });
  const indicators = (score.breakdown as { indicators: Indicator[] }).indicators;
  return { score, findings, indicator: (code: string) => indicators.find((i) => i.code === code) };
}

async function account(platformCode: PlatformCode, handle: string, displayName: string, crawlConfig?: object) {
  const agency = await createTestAgency(t.db);
  const created = await createTestAccount(t.db, agency.id, { platformCode, handle, displayName });
  if (crawlConfig) await t.db.account.update({ where: { id: created.id }, data: { crawlConfig } });
  return { agencyId: agency.id, id: created.id };
}

describe('a fact not read is INSUFFICIENT_DATA with its reason, never CLEAR', () => {
  it('WeChat through an RSS bridge: citizens asked, nothing of it was read → D5 COMMENTS_NOT_READ; the result follows the other rules', async () => {
    const wx = await account('WECHAT', 'gh_h4rss000001', '江川人社', {
      route: 'rss',
      weMpRssId: 'H4RSS0001',
      feed: { listsAllItems: true, limit: 200 },
    });
    expect(await crawlAt(wx.id, NOW)).toMatchObject({ status: 'SUCCEEDED' });
    const run = await t.db.crawlRun.findFirstOrThrow({ where: { accountId: wx.id } });
    expect(run.factsRead).toEqual(['posts']);
    expect(await t.db.comment.count({ where: { accountId: wx.id } })).toBe(0);

    const s = await scoreAt(wx.agencyId, wx.id, new Date(NOW.getTime() + HOUR));
    expect(s.indicator('V2')?.status).toBe('CLEAR');
    expect(s.indicator('D5')).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      deducted: 0,
      reason: 'COMMENTS_NOT_READ',
      reasonDetails: { commentsNotReadDays: 31, missingDays: 0 },
    });
    // Only the account's core facts (V2's timeline) decide INSUFFICIENT_DATA for the account; D5 shows on its rule.
    expect(s.score.result).toBe('PASS');
  });

  it('an iOS app the App Store no longer lists: once → D7 LISTING_NOT_FOUND_ONCE and no verdict; again 25 h later → D7.DELISTED', async () => {
    const app = await account('APP_IOS', '6400000902', '清河政务');
    expect(await crawlAt(app.id, NOW)).toMatchObject({ status: 'FAILED', errorKind: 'NOT_FOUND' });
    const once = await scoreAt(app.agencyId, app.id, new Date(NOW.getTime() + HOUR));
    expect(once.indicator('D7')).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      reason: 'LISTING_NOT_FOUND_ONCE',
      reasonDetails: { lookups: 1, confirmHours: 24 },
    });
    expect(once.findings.filter((f) => f.indicatorCode === 'D7')).toEqual([]);
    expect(once.score.result).toBe('INSUFFICIENT_DATA');

    const later = new Date(NOW.getTime() + 25 * HOUR);
    expect(await crawlAt(app.id, later)).toMatchObject({ status: 'FAILED', errorKind: 'NOT_FOUND' });
    const twice = await scoreAt(app.agencyId, app.id, new Date(later.getTime() + HOUR));
    expect(twice.findings.filter((f) => f.indicatorCode === 'D7').map((f) => [f.ruleId, f.status, f.points])).toEqual([
      ['D7.DELISTED', 'CONFIRMED', 5],
    ]);
    expect(twice.indicator('D7')).toMatchObject({ status: 'HIT', deducted: 5 });
    // docs/indicators.md Part 2 D7: a confirmed delisting is −5; the result then follows the points like any other deduction.
    expect(twice.score.result).toBe('PASS');
  });
});

describe('a pinned item counts by its own date (docs/platform-formats.md §1.3)', () => {
  it('the only item of the window is pinned, published 5 days before: no V2', async () => {
    const wb = await account('WEIBO', '7400000901', '青山发布');
    expect(await crawlAt(wb.id, NOW)).toMatchObject({ status: 'SUCCEEDED' });
    expect(
      await t.db.post.findFirstOrThrow({ where: { accountId: wb.id, platformPostId: '5190000000000002' } }),
    ).toMatchObject({ isPinned: true, publishedAt: new Date(NOW.getTime() - 5 * DAY) });
    expect((await t.db.account.findUniqueOrThrow({ where: { id: wb.id } })).lastPostAt).toEqual(
      new Date(NOW.getTime() - 5 * DAY),
    );
    const s = await scoreAt(wb.agencyId, wb.id, new Date(NOW.getTime() + HOUR));
    expect(s.findings.filter((f) => f.indicatorCode === 'V2')).toEqual([]);
    expect(s.indicator('V2')?.status).toBe('CLEAR');
  });

  it('a pinned item published 40 days before, alone on a fully read timeline: V2 confirmed', async () => {
    const wb = await account('WEIBO', '7400000902', '白沙发布');
    expect(await crawlAt(wb.id, NOW)).toMatchObject({ status: 'SUCCEEDED' });
    // Monitored at the crawl's instant: the whole window was read.
    const s = await scoreAt(wb.agencyId, wb.id, NOW);
    expect(s.findings.filter((f) => f.indicatorCode === 'V2').map((f) => [f.ruleId, f.status])).toEqual([
      ['V2.NO_UPDATE', 'CONFIRMED'],
    ]);
    expect(s.score.result).toBe('FAIL_VETO');
    // An hour later nothing was read since the crawl: the account may have posted, so the veto is only suspected
    // (docs/scoring.md "Read up to when").
    const later = await scoreAt(wb.agencyId, wb.id, new Date(NOW.getTime() + HOUR));
    expect(later.findings.filter((f) => f.indicatorCode === 'V2').map((f) => [f.ruleId, f.status])).toEqual([
      ['V2.NO_UPDATE', 'SUSPECTED'],
    ]);
    expect(later.score.result).toBe('AT_RISK');
  });
});
