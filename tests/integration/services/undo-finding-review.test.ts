import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { reviewFindings, UNDO_WINDOW_MS } from '@/lib/services/review-findings';
import { runInspection } from '@/lib/services/run-inspection';
import { undoFindingReview } from '@/lib/services/undo-finding-review';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Issue 14 item 4: a review can be taken back for a short time — on the server, audited, the score following.
const NOW = new Date('2026-11-25T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let agencyId: string;
let access: Access;
let other: Access;

async function suspectedFinding(): Promise<{ id: string; accountId: string; inspectionId: string }> {
  const account = await createTestAccount(t.db, agencyId);
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
          platformPostId: `${account.id}-1`,
          text: '你最好永远别来！有你不多无你不少！',
          publishedAt: new Date(NOW.getTime() - 2 * DAY),
          isPinned: false,
          isRepost: false,
          links: [],
          comments: [],
        },
      ],
      coverage: { from: new Date(NOW.getTime() - 30 * DAY), to: NOW },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: NOW },
  );
  const { id } = await createInspection({
    access: null,
    input: {
      name: account.id,
      monitoringAt: NOW,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: NOW });
  await t.db.account.update({ where: { id: account.id }, data: { lifecycle: 'CLOSED' } });
  const f = await t.db.finding.findFirstOrThrow({ where: { accountId: account.id, indicatorCode: 'D3' } });
  return { id: f.id, accountId: account.id, inspectionId: id };
}

const scoreTotal = async (f: { accountId: string; inspectionId: string }) =>
  (
    await t.db.score.findUniqueOrThrow({
      where: { inspectionId_accountId: { inspectionId: f.inspectionId, accountId: f.accountId } },
    })
  ).total;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  agencyId = (await createTestAgency(t.db)).id;
  access = {
    userId: 'reviewer-1',
    name: 'n',
    email: 'e',
    locale: 'zh-CN',
    grants: [{ role: 'SUPERVISOR', agencyId, agencyName: 'a' }],
  };
  other = { ...access, userId: 'reviewer-2' };
});
afterAll(async () => t.drop());

describe('undo a finding review', () => {
  it('takes back a confirmation: suspected again, its rectification gone, the score as before, both steps audited', async () => {
    const f = await suspectedFinding();
    const reviewed = await reviewFindings({
      access,
      input: { ids: [f.id], decision: 'CONFIRMED', reason: '' },
      now: NOW,
      db: t.db,
    });
    // A suspicion deducts as a confirmation does (docs/figures.md): the re-scored total stays.
    const before = await scoreTotal(f);
    expect(reviewed.undo.ids).toEqual([f.id]);
    expect(await t.db.rectification.count({ where: { findingId: f.id } })).toBe(1);
    const later = new Date(NOW.getTime() + 5_000);
    expect(await undoFindingReview({ access, input: { ids: [f.id] }, now: later, db: t.db })).toMatchObject({
      restored: 1,
    });
    expect(await t.db.finding.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({
      status: 'SUSPECTED',
      reviewedById: null,
      reviewedAt: null,
      reviewReason: null,
    });
    expect(await t.db.rectification.count({ where: { findingId: f.id } })).toBe(0);
    expect(await scoreTotal(f)).toBe(before);
    const audit = await t.db.auditLog.findMany({
      where: { entityId: f.id },
      orderBy: { at: 'asc' },
      select: { action: true, actorId: true },
    });
    expect(audit).toEqual([
      { action: 'finding.confirm', actorId: 'reviewer-1' },
      { action: 'finding.undo', actorId: 'reviewer-1' },
    ]);
  });

  it('restores a dismissal with its reason when a later confirmation is taken back', async () => {
    const f = await suspectedFinding();
    await reviewFindings({
      access: other,
      input: { ids: [f.id], decision: 'DISMISSED', reason: '误报：正常引用' },
      now: NOW,
      db: t.db,
    });
    const at = new Date(NOW.getTime() + 60_000);
    await reviewFindings({ access, input: { ids: [f.id], decision: 'CONFIRMED', reason: '' }, now: at, db: t.db });
    // The confirmation keeps the basis of the dismissal it replaces: the machine suspected.
    expect((await t.db.finding.findUniqueOrThrow({ where: { id: f.id } })).reviewBasis).toBe('SUSPECTED');
    await undoFindingReview({ access, input: { ids: [f.id] }, now: new Date(at.getTime() + 1_000), db: t.db });
    expect(await t.db.finding.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({
      status: 'DISMISSED',
      reviewReason: '误报：正常引用',
      reviewedById: 'reviewer-2',
      reviewedAt: NOW,
      reviewBasis: 'SUSPECTED',
    });
  });

  it("refuses too late, someone else's review, a second undo, and a finding out of scope", async () => {
    const f = await suspectedFinding();
    await reviewFindings({
      access,
      input: { ids: [f.id], decision: 'DISMISSED', reason: '误报：正常引用' },
      now: NOW,
      db: t.db,
    });
    const dismissedTotal = await scoreTotal(f);
    await expect(
      undoFindingReview({
        access,
        input: { ids: [f.id] },
        now: new Date(NOW.getTime() + UNDO_WINDOW_MS + 1),
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'findingUndoExpired' });
    await expect(
      undoFindingReview({ access: other, input: { ids: [f.id] }, now: NOW, db: t.db }),
    ).rejects.toMatchObject({ key: 'findingUndoExpired' });
    const stranger: Access = {
      ...access,
      grants: [{ role: 'SUPERVISOR', agencyId: (await createTestAgency(t.db)).id, agencyName: 'b' }],
    };
    await expect(
      undoFindingReview({ access: stranger, input: { ids: [f.id] }, now: NOW, db: t.db }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await undoFindingReview({ access, input: { ids: [f.id] }, now: new Date(NOW.getTime() + 1_000), db: t.db });
    await expect(
      undoFindingReview({ access, input: { ids: [f.id] }, now: new Date(NOW.getTime() + 2_000), db: t.db }),
    ).rejects.toMatchObject({ key: 'findingUndoExpired' });
    expect((await t.db.finding.findUniqueOrThrow({ where: { id: f.id } })).status).toBe('SUSPECTED');
    // The undone dismissal deducts again: the account was re-scored.
    expect(await scoreTotal(f)).toBeLessThan(dismissedTotal);
  });
});
