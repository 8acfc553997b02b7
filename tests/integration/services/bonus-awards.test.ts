import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { findEditionByCode } from '@/lib/data/editions';
import { awardBonus, getAccountBonus } from '@/lib/services/award-bonus';
import { cloneEditionDraft } from '@/lib/services/clone-edition';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { publishEdition } from '@/lib/services/publish-edition';
import { reviewFindings } from '@/lib/services/review-findings';
import { revokeBonus } from '@/lib/services/revoke-bonus';
import { runInspection } from '@/lib/services/run-inspection';
import { updateEditionDraft } from '@/lib/services/update-edition-draft';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let countyA: string;
let countyB: string;
let admin: Access;
const supervisorOf = (agencyId: string): Access => ({
  userId: `sup-${agencyId}`,
  name: 's',
  email: 's@x',
  locale: 'zh-CN',
  grants: [{ role: 'SUPERVISOR', agencyId, agencyName: '' }],
});

async function activeAccount(agencyId: string, extraText?: string, seenAt = NOW) {
  const account = await createTestAccount(t.db, agencyId);
  const texts = ['政务信息发布', '便民服务提示', '政策解读', '工作动态', ...(extraText ? [extraText] : [])];
  await ingestSnapshot(
    t.db,
    {
      accountId: account.id,
      platform: 'WEIBO',
      fetchedAt: seenAt,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: texts.map((text, i) => ({
        platformPostId: `${account.id}-${i}`,
        text,
        publishedAt: new Date(NOW.getTime() - (1 + i) * DAY),
        isPinned: false,
        isRepost: false,
        links: [],
        comments: [],
      })),
      coverage: { from: new Date(NOW.getTime() - 40 * DAY), to: seenAt },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: seenAt },
  );
  return account;
}

async function inspect(agencyId: string, editionCode = 'national-2019', at = NOW) {
  const { id } = await createInspection({
    access: null,
    input: {
      name: `${editionCode} ${at.toISOString()}`,
      monitoringAt: at,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode,
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
  return id;
}
const scoreOf = (inspectionId: string, accountId: string) =>
  t.db.score.findUniqueOrThrow({ where: { inspectionId_accountId: { inspectionId, accountId } } });

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  const province = await createTestAgency(t.db);
  countyA = (await createTestAgency(t.db, { parentId: province.id })).id;
  countyB = (await createTestAgency(t.db, { parentId: province.id })).id;
  admin = {
    userId: 'admin-1',
    name: 'a',
    email: 'a@x',
    locale: 'zh-CN',
    grants: [{ role: 'ADMIN', agencyId: province.id, agencyName: '' }],
  };
});
afterAll(async () => t.drop());

describe('bonus items (加分)', () => {
  it('a supervisor awards an item of a published edition; scoring prices it; a revoked award counts no more', async () => {
    const account = await activeAccount(countyA);
    const supervisor = supervisorOf(countyA);
    const base = await scoreOf(await inspect(countyA), account.id);
    expect(base.total).toBeGreaterThanOrEqual(80);
    expect(base.bonus).toBe(0);

    await expect(
      awardBonus({
        access: supervisorOf(countyB),
        input: { accountId: account.id, itemCode: 'B1', reason: '政策解读突出' },
        now: NOW,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      awardBonus({
        access: { ...supervisor, grants: [{ role: 'AUDITOR', agencyId: countyA, agencyName: '' }] },
        input: { accountId: account.id, itemCode: 'B1', reason: '政策解读突出' },
        now: NOW,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      awardBonus({
        access: supervisor,
        input: { accountId: account.id, itemCode: 'B42', reason: '不存在的事项' },
        now: NOW,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      awardBonus({
        access: supervisor,
        input: { accountId: account.id, itemCode: 'B1', reason: '政策解读突出', awardedOn: '2026-11-26' },
        now: NOW,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });

    const award = await awardBonus({
      access: supervisor,
      input: { accountId: account.id, itemCode: 'B1', reason: '政策解读突出', awardedOn: '2026-11-20' },
      now: NOW,
      db: t.db,
    });
    await awardBonus({
      access: supervisor,
      input: { accountId: account.id, itemCode: 'B1', reason: '同一事项再次认定' },
      now: NOW,
      db: t.db,
    });
    const withBonus = await scoreOf(await inspect(countyA), account.id);
    expect(withBonus).toMatchObject({ total: base.total, bonus: 2 });
    expect((withBonus.breakdown as { reportedScore: number }).reportedScore).toBe(base.total + 2);
    expect(await t.db.auditLog.count({ where: { action: 'bonus.award', entityId: account.id } })).toBe(2);

    const view = await getAccountBonus({
      access: { ...supervisor, grants: [{ role: 'AUDITOR', agencyId: countyA, agencyName: '' }] },
      accountId: account.id,
      db: t.db,
    });
    expect(view).toMatchObject({ canAward: false, awards: [expect.anything(), expect.anything()] });
    expect(view.items.map((i) => i.code)).toEqual(['B1', 'B2', 'B3']);

    const second = view.awards.find((a) => a.id !== award.id);
    await revokeBonus({ access: supervisor, input: { awardId: award.id, reason: '认定有误' }, now: NOW, db: t.db });
    await expect(
      revokeBonus({ access: supervisor, input: { awardId: award.id, reason: '认定有误' }, now: NOW, db: t.db }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await revokeBonus({ access: supervisor, input: { awardId: second?.id, reason: '认定有误' }, now: NOW, db: t.db });
    expect((await scoreOf(await inspect(countyA), account.id)).bonus).toBe(0);
    // The earlier result stays as it was scored.
    expect((await scoreOf(withBonus.inspectionId, account.id)).bonus).toBe(2);
  });

  it('admins edit bonus items in a draft edition; invalid lists are refused per row', async () => {
    const national = await findEditionByCode(t.db, 'national-2019');
    const draft = await cloneEditionDraft({
      access: admin,
      input: { baseId: national?.id, code: 'bonus-2027', name: '加分版' },
      db: t.db,
    });
    await expect(
      updateEditionDraft({
        access: admin,
        input: {
          id: draft.id,
          name: '加分版',
          values: {},
          bonusItems: [
            { code: 'B1', name: 'a', points: 1 },
            { code: 'B1', name: 'b', points: 1 },
          ],
        },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { 'bonus.items': expect.any(Array) } });
    await expect(
      updateEditionDraft({
        access: admin,
        input: { id: draft.id, name: '加分版', values: {}, bonusItems: [{ code: 'B1', name: 'a', points: 101 }] },
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { 'bonus.items.0.points': ['too_big:100'] } });
    const saved = await updateEditionDraft({
      access: admin,
      input: {
        id: draft.id,
        name: '加分版',
        values: { 'bonus.cap': 10 },
        bonusItems: [{ code: 'B1', name: '重大活动宣传', points: 6 }],
      },
      db: t.db,
    });
    expect(saved.changed).toBe(2);
    expect(await t.db.auditLog.findFirst({ where: { action: 'edition.update', entityId: draft.id } })).toMatchObject({
      after: { 'bonus.items': [{ code: 'B1', points: 6 }] },
    });
    await publishEdition({ access: admin, input: { id: draft.id }, now: NOW, db: t.db });

    const account = await activeAccount(countyB);
    await awardBonus({
      access: supervisorOf(countyB),
      input: { accountId: account.id, itemCode: 'B1', reason: '重大活动宣传' },
      now: NOW,
      db: t.db,
    });
    expect((await scoreOf(await inspect(countyB, 'bonus-2027'), account.id)).bonus).toBe(6);
    expect((await scoreOf(await inspect(countyB, 'national-2019'), account.id)).bonus).toBe(2);
  });

  it('two admins revising one published edition at once: one new version, one conflict', async () => {
    const national = await findEditionByCode(t.db, 'national-2019');
    const results = await Promise.allSettled(
      [1, 2].map((n) =>
        updateEditionDraft({
          access: admin,
          input: { id: national?.id, name: `修订 ${n}`, values: { passMark: 60 + n } },
          db: t.db,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
  });
});

describe('a review decides the same evidence in every finished inspection', () => {
  it('confirming a finding of an older inspection also fails the newer one', async () => {
    const account = await activeAccount(countyA, '内部资料 注意保存', new Date(NOW.getTime() - 2 * 3_600_000));
    const older = await inspect(countyA, 'national-2019', new Date(NOW.getTime() - 3_600_000));
    const newer = await inspect(countyA);
    expect((await scoreOf(newer, account.id)).result).toBe('AT_RISK');
    const finding = await t.db.finding.findFirstOrThrow({
      where: { inspectionId: older, accountId: account.id, indicatorCode: 'V1.2' },
    });
    const { rescored } = await reviewFindings({
      access: supervisorOf(countyA),
      input: { ids: [finding.id], decision: 'CONFIRMED', reason: '' },
      now: NOW,
      db: t.db,
    });
    expect(rescored).toBe(2);
    expect(await scoreOf(older, account.id)).toMatchObject({ result: 'FAIL_VETO', vetoCodes: ['V1.2'] });
    expect(await scoreOf(newer, account.id)).toMatchObject({ result: 'FAIL_VETO', vetoCodes: ['V1.2'] });
  });
});
