import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { listFindings } from '@/lib/services/list-findings';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// The text analysis through the real path: a snapshot ingested as a crawl stores it, an inspection scores it.
const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
const day = (n: number) => new Date(NOW.getTime() - n * DAY);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
});
afterAll(async () => t.drop());

async function inspect(agencyId: string) {
  const { id } = await createInspection({
    access: null,
    input: {
      name: '文本检查',
      monitoringAt: NOW,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
  return id;
}

describe('text analysis through ingest and scoring', () => {
  it('a prohibited term spelt with full-width separators, interpuncts and a comma is V1.3, its evidence spanning the evasive spelling', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    const evasive = '颠／覆‧国•家，政　权';
    const text = `转：有人在境外网站鼓吹${evasive}等言论。`;
    await ingestSnapshot(
      t.db,
      {
        accountId: account.id,
        platform: 'WEIBO',
        fetchedAt: NOW,
        outcome: { ok: true, partial: false },
        profile: null,
        posts: [
          {
            platformPostId: 'e1',
            text,
            publishedAt: day(1),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
          // An ID ending in x with a wrong check character whose 17 digits pass Luhn: neither an ID nor a card.
          {
            platformPostId: 'e2',
            text: '补贴名单：王某某 11010119900307201x。',
            publishedAt: day(2),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
        ],
        coverage: { from: day(40), to: NOW },
        deletedPostIds: [],
        appReleases: [],
        storeListings: [],
      },
      { now: NOW },
    );
    const inspectionId = await inspect(agency.id);

    const findings = await t.db.finding.findMany({ where: { inspectionId, accountId: account.id } });
    const v13 = findings.filter((f) => f.ruleId === 'V1.3.PROHIBITED_TEXT');
    expect(v13).toMatchObject([
      {
        status: 'SUSPECTED',
        isVeto: true,
        lexiconEntry: '颠覆国家政权',
        matchedText: evasive,
        spanStart: text.indexOf(evasive),
        spanEnd: text.indexOf(evasive) + evasive.length,
      },
    ]);
    expect(findings.filter((f) => f.indicatorCode === 'D4')).toEqual([]);

    // What the findings page shows: an excerpt of the stored post whose highlighted span is the evasive spelling.
    const admin: Access = {
      userId: 'admin',
      name: 'a',
      email: 'a@x',
      locale: 'zh-CN',
      grants: [{ role: 'ADMIN', agencyId: agency.id, agencyName: '' }],
    };
    const page = await listFindings({
      access: admin,
      filter: { status: 'SUSPECTED', indicator: 'V1.3', inspectionId, page: 1 },
      db: t.db,
    });
    const [item] = page.items;
    expect(item?.excerpt?.slice(item.spanStart ?? 0, item.spanEnd ?? 0)).toBe(evasive);
  });

  it('an app with a look-alike listed as 壹网通办 by another seller gets D7.LOOKALIKE_APP', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id, { platformCode: 'APP_IOS', displayName: '一网通办' });
    await ingestSnapshot(
      t.db,
      {
        accountId: account.id,
        platform: 'APP_IOS',
        fetchedAt: NOW,
        outcome: { ok: true, partial: false },
        profile: null,
        posts: [],
        coverage: { from: day(40), to: NOW },
        deletedPostIds: [],
        appReleases: [
          {
            store: 'APP_STORE',
            version: '5.1.0',
            releasedAt: day(20),
            rating: 4.6,
            ratingCount: 900,
            sellerName: '江川市大数据中心',
            sellerId: 'seller-own',
            appName: '一网通办',
            hasFeedbackChannel: true,
          },
        ],
        storeListings: [
          {
            store: 'APP_STORE',
            storeAppId: '6400000001',
            appName: '壹网通办',
            sellerName: '某某网络科技有限公司',
            sellerId: 'seller-copy',
            url: 'https://apps.apple.com/cn/app/id6400000001',
          },
          {
            store: 'APP_STORE',
            storeAppId: '6400000002',
            appName: '天气预报大师',
            sellerName: '某某网络科技有限公司',
            sellerId: 'seller-copy',
            url: 'https://apps.apple.com/cn/app/id6400000002',
          },
        ],
        factsRead: ['listing'],
      },
      { now: NOW },
    );
    const inspectionId = await inspect(agency.id);

    const lookalikes = await t.db.finding.findMany({
      where: { inspectionId, accountId: account.id, ruleId: 'D7.LOOKALIKE_APP' },
    });
    expect(lookalikes).toMatchObject([{ status: 'CONFIRMED', matchedText: '壹网通办', details: { similarity: 1 } }]);
  });

  it('questions without a question mark count for D5: four asked, one answered is a low reply rate', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    const asked = ['失业金申领需要准备什么材料', '社保卡补办在哪办', '政务大厅周六几点开门', '今年还有没有消费券'];
    const comments = [
      ...asked.map((text, i) => ({ platformCommentId: `q${i}`, isOwnReply: false, text, publishedAt: day(5 - i) })),
      {
        platformCommentId: 'r0',
        isOwnReply: true,
        replyToPlatformCommentId: 'q0',
        text: '您好，材料清单见政务服务网。',
        publishedAt: day(4.5),
      },
      { platformCommentId: 'p0', isOwnReply: false, text: '什么都好，感谢政府', publishedAt: day(3) },
    ];
    await ingestSnapshot(
      t.db,
      {
        accountId: account.id,
        platform: 'WEIBO',
        fetchedAt: NOW,
        outcome: { ok: true, partial: false },
        profile: null,
        posts: [
          {
            platformPostId: 'd5',
            text: '【通知】政务服务大厅正常办公。',
            publishedAt: day(6),
            isPinned: false,
            isRepost: false,
            links: [],
            comments,
          },
        ],
        coverage: { from: day(40), to: NOW },
        deletedPostIds: [],
        appReleases: [],
        storeListings: [],
        factsRead: ['posts', 'comments'],
      },
      { now: NOW },
    );
    const inspectionId = await inspect(agency.id);
    const d5 = await t.db.finding.findMany({ where: { inspectionId, accountId: account.id, indicatorCode: 'D5' } });
    expect(d5).toMatchObject([{ ruleId: 'D5.LOW_REPLY_RATE', details: { questions: 4, answered: 1 } }]);
  });
});
