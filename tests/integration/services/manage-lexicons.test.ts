import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { addLexiconTerm, listLexicons } from '@/lib/services/manage-lexicons';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
});
afterAll(async () => t.drop());

const NOW = new Date('2026-11-25T04:00:00Z');

describe('lexicons are data', () => {
  it('a term added by an administrator is used by the next inspection; others may not edit', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
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
            platformPostId: 'p1',
            text: '今天发布一条含有新型违规暗语青蛙跳的内容',
            publishedAt: new Date(NOW.getTime() - 86_400_000),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
        ],
        coverage: { from: new Date(NOW.getTime() - 40 * 86_400_000), to: NOW },
        deletedPostIds: [],
        appReleases: [],
        storeListings: [],
      },
      { now: NOW },
    );
    const scoreV13 = async () => {
      const { id } = await createInspection({
        access: null,
        input: {
          name: '词库检查',
          monitoringAt: NOW,
          scopeAgencyId: agency.id,
          scope: 'TREE',
          editionCode: 'national-2019',
        },
        db: t.db,
      });
      await runInspection({ db: t.db, inspectionId: id, now: NOW });
      return t.db.finding.findMany({ where: { inspectionId: id, indicatorCode: 'V1.3' } });
    };
    expect(await scoreV13()).toEqual([]);

    const prohibited = (await listLexicons({ db: t.db })).find((l) => l.code === 'prohibited');
    const admin: Access = {
      userId: 'admin',
      name: 'a',
      email: 'a@x',
      locale: 'zh-CN',
      grants: [{ role: 'ADMIN', agencyId: agency.id, agencyName: '' }],
    };
    const auditor: Access = { ...admin, grants: [{ role: 'AUDITOR', agencyId: agency.id, agencyName: '' }] };
    await expect(
      addLexiconTerm({ access: auditor, input: { lexiconId: prohibited?.id, term: '青蛙跳' }, db: t.db }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await addLexiconTerm({ access: admin, input: { lexiconId: prohibited?.id, term: '青蛙跳' }, db: t.db });

    const after = await scoreV13();
    expect(after).toMatchObject([{ ruleId: 'V1.3.PROHIBITED_TEXT', matchedText: '青蛙跳', status: 'SUSPECTED' }]);
    expect(await t.db.auditLog.count({ where: { action: 'lexicon.add-term' } })).toBe(1);
  });

  it('an evasion term added with the homophone flag also catches homophone substitutions, marked in the evidence', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
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
            platformPostId: 'h1',
            text: '本号代理进口奶分，详情私信',
            publishedAt: new Date(NOW.getTime() - 86_400_000),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
        ],
        coverage: { from: new Date(NOW.getTime() - 40 * 86_400_000), to: NOW },
        deletedPostIds: [],
        appReleases: [],
        storeListings: [],
      },
      { now: NOW },
    );
    const spam = (await listLexicons({ db: t.db })).find((l) => l.code === 'commercial-spam');
    const admin: Access = {
      userId: 'admin',
      name: 'a',
      email: 'a@x',
      locale: 'zh-CN',
      grants: [{ role: 'ADMIN', agencyId: agency.id, agencyName: '' }],
    };
    await addLexiconTerm({ access: admin, input: { lexiconId: spam?.id, term: '进口奶粉', evasion: true }, db: t.db });
    const { id } = await createInspection({
      access: null,
      input: {
        name: '同音检查',
        monitoringAt: NOW,
        scopeAgencyId: agency.id,
        scope: 'TREE',
        editionCode: 'national-2019',
      },
      db: t.db,
    });
    await runInspection({ db: t.db, inspectionId: id, now: NOW });
    const ads = await t.db.finding.findMany({ where: { inspectionId: id, ruleId: 'D3.ADVERTISEMENT' } });
    expect(ads).toMatchObject([{ matchedText: '进口奶分', lexiconEntry: '进口奶粉' }]);
    expect(ads[0]?.details).toMatchObject({ variant: 'HOMOPHONE' });
  });

  it('a protected name registered by an administrator flags one-character slips of it, not the name itself', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
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
            platformPostId: 'n1',
            text: '江川省人民政府办公厅发布通知',
            publishedAt: new Date(NOW.getTime() - 86_400_000),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
          {
            platformPostId: 'n2',
            text: '江川省人民政俯办公厅转发通知',
            publishedAt: new Date(NOW.getTime() - 2 * 86_400_000),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
        ],
        coverage: { from: new Date(NOW.getTime() - 40 * 86_400_000), to: NOW },
        deletedPostIds: [],
        appReleases: [],
        storeListings: [],
      },
      { now: NOW },
    );
    const protectedTerms = (await listLexicons({ db: t.db })).find((l) => l.code === 'protected-terms');
    const admin: Access = {
      userId: 'admin',
      name: 'a',
      email: 'a@x',
      locale: 'zh-CN',
      grants: [{ role: 'ADMIN', agencyId: agency.id, agencyName: '' }],
    };
    const v11 = async () => {
      const { id } = await createInspection({
        access: null,
        input: {
          name: '保护名称',
          monitoringAt: NOW,
          scopeAgencyId: agency.id,
          scope: 'TREE',
          editionCode: 'national-2019',
        },
        db: t.db,
      });
      await runInspection({ db: t.db, inspectionId: id, now: NOW });
      return t.db.finding.findMany({ where: { inspectionId: id, accountId: account.id, indicatorCode: 'V1.1' } });
    };
    expect(await v11()).toEqual([]);
    await addLexiconTerm({
      access: admin,
      input: { lexiconId: protectedTerms?.id, term: '江川省人民政府办公厅', correct: '江川省人民政府办公厅' },
      db: t.db,
    });
    expect(await v11()).toMatchObject([
      {
        ruleId: 'V1.1.NEAR_MISS',
        matchedText: '江川省人民政俯办公厅',
        lexiconEntry: '江川省人民政府办公厅',
        status: 'SUSPECTED',
      },
    ]);
  });

  it('leaders entered with their titles and rank: a wrong title and a list out of order are suspected V1.1', async () => {
    const agency = await createTestAgency(t.db);
    const account = await createTestAccount(t.db, agency.id);
    const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
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
            platformPostId: 'l1',
            text: '副省长陈思远到我市调研',
            publishedAt: day(1),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
          {
            platformPostId: 'l2',
            text: '省长陈思远到我市调研',
            publishedAt: day(2),
            isPinned: false,
            isRepost: false,
            links: [],
            comments: [],
          },
          {
            platformPostId: 'l3',
            text: '陈思远、王建国出席会议',
            publishedAt: day(3),
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
    const protectedTerms = (await listLexicons({ db: t.db })).find((l) => l.code === 'protected-terms');
    const admin: Access = {
      userId: 'admin',
      name: 'a',
      email: 'a@x',
      locale: 'zh-CN',
      grants: [{ role: 'ADMIN', agencyId: agency.id, agencyName: '' }],
    };
    await expect(
      addLexiconTerm({
        access: admin,
        input: { lexiconId: protectedTerms?.id, term: '陈思远', titles: '副省长', rank: '0' },
        db: t.db,
      }),
    ).rejects.toThrow();
    await addLexiconTerm({
      access: admin,
      input: { lexiconId: protectedTerms?.id, term: '陈思远', titles: '副省长', rank: '4' },
      db: t.db,
    });
    await addLexiconTerm({
      access: admin,
      input: { lexiconId: protectedTerms?.id, term: '王建国', titles: '省委副书记、省长', rank: '2' },
      db: t.db,
    });
    const entry = await t.db.lexiconEntry.findFirstOrThrow({ where: { term: '王建国' } });
    expect(entry.data).toEqual({ titles: ['省委副书记', '省长'], rank: 2 });
    const { id } = await createInspection({
      access: null,
      input: {
        name: '领导同志',
        monitoringAt: NOW,
        scopeAgencyId: agency.id,
        scope: 'TREE',
        editionCode: 'national-2019',
      },
      db: t.db,
    });
    await runInspection({ db: t.db, inspectionId: id, now: NOW });
    const found = await t.db.finding.findMany({
      where: { inspectionId: id, accountId: account.id, indicatorCode: 'V1.1' },
      orderBy: { ruleId: 'asc' },
    });
    expect(found).toMatchObject([
      { ruleId: 'V1.1.LEADER_ORDER', matchedText: '陈思远、王建国', status: 'SUSPECTED', isVeto: true },
      { ruleId: 'V1.1.LEADER_TITLE', matchedText: '省长陈思远', status: 'SUSPECTED', isVeto: true },
    ]);
  });
});
