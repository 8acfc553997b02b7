import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlContext } from '@/crawlers/context';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { defaultCrawlerRegistry } from '@/crawlers/registry';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { SandboxHandle } from '@/crawlers/sandbox/server';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { runInspection } from '@/lib/services/run-inspection';
import { startTestSandbox } from '../../helpers/crawler-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// 留言 read through the official API (comment/list) reach D5: a WeChat account with an AppID/AppSecret is crawled
// from the sandbox through the crawl job and ingest, then scored. The same account through an RSS bridge reads no
// 留言 and D5 stays COMMENTS_NOT_READ.

const NOW = new Date('2026-11-25T08:00:00+08:00');
const HOUR = 3_600_000;
const HANDLE = 'gh_h13official1';
const RSS_HANDLE = 'gh_h13rssonly01';
const OFFICIAL = { kind: 'WECHAT_OFFICIAL_API', appId: 'wxh13a1b2c3d4e5f60', appSecret: 'sandbox-secret-h13' };

/** 35 daily articles; under the first six a citizen asks, and the account answers four of them within hours. */
const posts = Array.from({ length: 35 }, (_, i) => ({
  id: String(2247800000 + i),
  title: `江川政务动态 ${i}`,
  publishedAt: `-${i + 1}d`,
  text: `<p>江川市政务动态第${i}期</p>`,
  url: `https://mp.weixin.qq.com/s?__biz=MzkwMDAwMDA4OA==&mid=${2247800000 + i}&idx=1&sn=${String(i).padStart(32, '0')}`,
  comments:
    i < 6
      ? [
          {
            id: `q${i}`,
            authorId: `reader-${i}`,
            authorName: `市民${i}`,
            text: '请问社保卡怎么补办？',
            publishedAt: `-${i + 1}d`,
            replies:
              i < 4
                ? [
                    {
                      id: `a${i}`,
                      authorId: HANDLE,
                      authorName: '江川人社',
                      text: '您好，可到就近社保网点补办。',
                      publishedAt: `-${i}d`,
                    },
                  ]
                : [],
          },
        ]
      : [],
}));

const SCENARIO: ScenarioInput = {
  name: 'wechat-official-comments',
  now: NOW.toISOString(),
  accounts: [
    {
      platform: 'WECHAT',
      handle: HANDLE,
      profile: { displayName: '江川人社' },
      extra: { appId: OFFICIAL.appId, appSecret: OFFICIAL.appSecret },
      posts,
    },
    {
      platform: 'WECHAT',
      handle: RSS_HANDLE,
      profile: { displayName: '江川人社' },
      extra: { weMpRssId: 'H13RSS0001' },
      posts,
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

const crawlAt = (accountId: string, now: Date, credential: unknown) =>
  runCrawlAccount({
    now,
    db: t.db,
    accountId,
    crawlers: (p) => registry.get(p),
    resolveCredential: async () => credential,
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
  return {
    findings,
    indicator: (code: string) =>
      (score.breakdown as { indicators: Indicator[] }).indicators.find((i) => i.code === code),
  };
}

async function account(handle: string, crawlConfig: object, withCredential: boolean) {
  const agency = await createTestAgency(t.db);
  const created = await createTestAccount(t.db, agency.id, { platformCode: 'WECHAT', handle, displayName: '江川人社' });
  await t.db.account.update({ where: { id: created.id }, data: { crawlConfig } });
  if (withCredential) {
    const credential = await t.db.platformCredential.create({
      data: {
        platformCode: 'WECHAT',
        label: 'sandbox AppID',
        kind: 'WECHAT_OFFICIAL_API',
        secretHint: 'secret …h13',
        keyId: 'test',
        ciphertext: Buffer.from('x'),
        iv: Buffer.from('x'),
        authTag: Buffer.from('x'),
      },
    });
    await t.db.account.update({ where: { id: created.id }, data: { credentialId: credential.id } });
  }
  return { agencyId: agency.id, id: created.id };
}

describe('WeChat 留言 through the official API reach D5', () => {
  it('official-API account: comments and own replies stored, comments declared read, D5 decided on them (4 of 6 answered → LOW_REPLY_RATE)', async () => {
    const wx = await account(HANDLE, {}, true);
    expect(await crawlAt(wx.id, NOW, OFFICIAL)).toMatchObject({ status: 'SUCCEEDED' });
    const run = await t.db.crawlRun.findFirstOrThrow({ where: { accountId: wx.id } });
    expect(run.factsRead).toEqual(expect.arrayContaining(['posts', 'profile', 'comments']));
    expect(await t.db.comment.count({ where: { accountId: wx.id, isOwnReply: false } })).toBe(6);
    const replies = await t.db.comment.findMany({ where: { accountId: wx.id, isOwnReply: true } });
    expect(replies).toHaveLength(4);
    expect(replies.every((r) => r.replyToCommentId !== null)).toBe(true);

    // Monitored at the read: decided.
    const s = await scoreAt(wx.agencyId, wx.id, NOW);
    expect(s.indicator('D5')?.status).toBe('HIT');
    expect(s.indicator('D5')?.reason).toBeUndefined();
    expect(s.findings.filter((f) => f.indicatorCode === 'D5').map((f) => [f.ruleId, f.details])).toEqual([
      ['D5.LOW_REPLY_RATE', expect.objectContaining({ questions: 6, answered: 4 })],
    ]);

    // Monitored an hour after the read: the two unanswered questions may have been answered since (and new ones asked),
    // so D5 is undecided, not a deduction (docs/scoring.md "Read up to when").
    const later = await scoreAt(wx.agencyId, wx.id, new Date(NOW.getTime() + HOUR));
    expect(later.indicator('D5')).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      reason: 'NOT_READ_THROUGH',
      reasonDetails: { questions: 6, answered: 4, undecided: 2, unreadHours: 1 },
    });
    expect(later.findings.filter((f) => f.indicatorCode === 'D5')).toEqual([]);
  });

  it('an account without a credential (RSS bridge), same articles and 留言: no 留言 read → D5 COMMENTS_NOT_READ', async () => {
    const wx = await account(
      RSS_HANDLE,
      { route: 'rss', weMpRssId: 'H13RSS0001', feed: { listsAllItems: true, limit: 200 } },
      false,
    );
    expect(await crawlAt(wx.id, NOW, null)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await t.db.comment.count({ where: { accountId: wx.id } })).toBe(0);
    const s = await scoreAt(wx.agencyId, wx.id, new Date(NOW.getTime() + HOUR));
    expect(s.indicator('D5')).toMatchObject({ status: 'INSUFFICIENT_DATA', reason: 'COMMENTS_NOT_READ' });
  });
});
