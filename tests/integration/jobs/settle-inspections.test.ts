import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { runSettleInspections } from '@/crawlers/jobs/settle-inspections';
import { countAwaitingRead } from '@/lib/services/figures/awaiting-read';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { crawlSince } from '@/lib/services/plan-crawl';
import { reviewFindings } from '@/lib/services/review-findings';
import { listInspections } from '@/lib/services/list-inspections';
import { runInspection } from '@/lib/services/run-inspection';
import { beijingDayEnd, DAY_MS, parseBeijingDateTime } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// An inspection of a whole day run before the read after midnight leaves silent accounts waiting on a read
// (suspected V2, NOT_READ_THROUGH); the settle job re-scores them once a crawl read them up to the monitoring date
// (docs/scoring.md "Settling").

const cst = (wall: string): Date => {
  const at = parseBeijingDateTime(wall);
  if (!at) throw new Error(`bad wall-clock time ${wall}`);
  return at;
};
const MORNING = cst('2026-11-25T09:00');
const EVENING = cst('2026-11-25T20:00');
const MONITORING_AT = beijingDayEnd('2026-11-25');
const AFTER_MIDNIGHT = cst('2026-11-26T00:10');
const TICK = cst('2026-11-26T00:20');

let t: TestDatabase;
let agencyId: string;
let inspectionId: string;
const ids: Record<string, string> = {};
const id = (key: string) => ids[key] ?? '';

type Item = { id: string; at: Date };
async function crawl(accountId: string, at: Date, items: Item[], firstRead: boolean) {
  return ingestSnapshot(
    t.db,
    {
      accountId,
      platform: 'WEIBO',
      fetchedAt: at,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: items
        .filter((p) => p.at <= at)
        .map((p) => ({
          platformPostId: `${accountId}-${p.id}`,
          text: `政务信息 ${p.id}`,
          publishedAt: p.at,
          isPinned: false,
          isRepost: false,
          links: [],
          comments: [],
        })),
      coverage: { from: firstRead ? new Date(at.getTime() - 40 * DAY_MS) : crawlSince(at, '2026-11-25'), to: at },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: at },
  );
}

// Silent since 2026-11-01: the 14-day limit was crossed long before the morning read.
const SILENT: Item[] = [{ id: 'old', at: cst('2026-11-01T10:00') }];
// Last item 11-11 12:00, then one at 15:00 on the 25th, after the morning read.
const POSTS_AFTER_READ: Item[] = [
  { id: 'last', at: cst('2026-11-11T12:00') },
  { id: 'afternoon', at: cst('2026-11-25T15:00') },
];

const access: Access = {
  userId: 'user-SUPERVISOR',
  name: 'SUPERVISOR',
  email: 'supervisor@test.local',
  locale: 'zh-CN',
  grants: [{ role: 'SUPERVISOR', agencyId: '', agencyName: '' }],
};

async function stateOf(key: string) {
  const accountId = id(key);
  const score = await t.db.score.findUniqueOrThrow({ where: { inspectionId_accountId: { inspectionId, accountId } } });
  const v2 = await t.db.finding.findMany({ where: { inspectionId, accountId, indicatorCode: 'V2' } });
  const indicators = (score.breakdown as { indicators: Array<{ code: string; status: string; reason?: string }> })
    .indicators;
  return {
    result: score.result,
    computedAt: score.computedAt,
    reasons: indicators.filter((b) => b.reason === 'NOT_READ_THROUGH').map((b) => b.code),
    v2: v2.map((f) => ({ id: f.id, status: f.status, reviewedById: f.reviewedById })),
  };
}

const before: Record<string, Awaited<ReturnType<typeof stateOf>>> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  agencyId = (await createTestAgency(t.db, { name: '临溪县结算' })).id;
  access.grants[0] = { role: 'SUPERVISOR', agencyId, agencyName: '' };
  for (const key of ['silent', 'dismissed', 'postsAfterRead', 'notReadYet'])
    ids[key] = (await createTestAccount(t.db, agencyId)).id;
  await crawl(id('silent'), MORNING, SILENT, true);
  await crawl(id('dismissed'), MORNING, SILENT, true);
  await crawl(id('postsAfterRead'), MORNING, POSTS_AFTER_READ, true);
  await crawl(id('notReadYet'), MORNING, SILENT, true);
  ({ id: inspectionId } = await createInspection({
    access: null,
    input: {
      name: '日终检查',
      monitoringAt: MONITORING_AT,
      scopeAgencyId: agencyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  }));
  await runInspection({ db: t.db, inspectionId, now: EVENING });
  // A reviewer dismisses one account's suspected veto before the read.
  const suspected = await t.db.finding.findFirstOrThrow({
    where: { inspectionId, accountId: id('dismissed'), indicatorCode: 'V2' },
  });
  await reviewFindings({
    access,
    input: { ids: [suspected.id], decision: 'DISMISSED', reason: '账号已报备停更' },
    now: EVENING,
    db: t.db,
  });
  for (const key of Object.keys(ids)) before[key] = await stateOf(key);
}, 120_000);
afterAll(async () => t?.drop());

describe('settle-inspections', () => {
  it('before the read after midnight: silent accounts suspected, the rest waiting with NOT_READ_THROUGH', async () => {
    expect(before.silent).toMatchObject({ result: 'AT_RISK', v2: [{ status: 'SUSPECTED' }] });
    expect(before.dismissed).toMatchObject({ v2: [{ status: 'DISMISSED', reviewedById: 'user-SUPERVISOR' }] });
    // The review records what the machine said when it was made.
    const dismissed = await t.db.finding.findUniqueOrThrow({ where: { id: before.dismissed?.v2[0]?.id ?? '' } });
    expect(dismissed.reviewBasis).toBe('SUSPECTED');
    expect(before.dismissed?.reasons).toContain('D1');
    expect(before.postsAfterRead).toMatchObject({ result: 'INSUFFICIENT_DATA', v2: [] });
    expect(before.postsAfterRead?.reasons).toContain('V2');
    expect((await countAwaitingRead(t.db, [inspectionId])).get(inspectionId)).toBe(4);
    const listed = await listInspections({ access, page: 1, db: t.db, now: EVENING });
    expect(listed.items.find((i) => i.id === inspectionId)).toMatchObject({
      awaitingRead: 4,
      settlesAutomatically: true,
    });
    const later = await listInspections({ access, page: 1, db: t.db, now: new Date(EVENING.getTime() + 15 * DAY_MS) });
    expect(later.items.find((i) => i.id === inspectionId)?.settlesAutomatically).toBe(false);
  });

  it('a tick before any new read changes nothing', async () => {
    const auditsBefore = await t.db.auditLog.count({ where: { action: 'inspection.settle' } });
    expect(await runSettleInspections({ db: t.db, now: EVENING })).toEqual({ inspections: 0, accounts: 0 });
    for (const key of Object.keys(ids)) expect(await stateOf(key)).toEqual(before[key]);
    expect(await t.db.auditLog.count({ where: { action: 'inspection.settle' } })).toBe(auditsBefore);
  });

  describe('after the reads at 00:10 (all but one account)', () => {
    beforeAll(async () => {
      await crawl(id('silent'), AFTER_MIDNIGHT, SILENT, false);
      await crawl(id('dismissed'), AFTER_MIDNIGHT, SILENT, false);
      await crawl(id('postsAfterRead'), AFTER_MIDNIGHT, POSTS_AFTER_READ, false);
      await crawl(id('notReadYet'), cst('2026-11-25T23:00'), SILENT, false); // still before the monitoring date
    });

    it('the job re-scores the three read accounts, once', async () => {
      expect(await runSettleInspections({ db: t.db, now: TICK })).toEqual({ inspections: 1, accounts: 3 });
      const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'inspection.settle' } });
      expect(audit.entityId).toBe(inspectionId);
    });

    it('the suspected veto is confirmed: the same finding, now CONFIRMED, the account vetoed', async () => {
      const now = await stateOf('silent');
      expect(now).toMatchObject({ result: 'FAIL_VETO', reasons: [] });
      expect(now.v2).toEqual([{ id: before.silent?.v2[0]?.id, status: 'CONFIRMED', reviewedById: null }]);
    });

    it('a suspicion dismissed before the read does not hide its confirmation: CONFIRMED, pending review again', async () => {
      const now = await stateOf('dismissed');
      expect(now).toMatchObject({ result: 'FAIL_VETO', reasons: [] });
      expect(now.v2).toEqual([{ id: before.dismissed?.v2[0]?.id, status: 'CONFIRMED', reviewedById: null }]);
      const row = await t.db.finding.findUniqueOrThrow({ where: { id: now.v2[0]?.id ?? '' } });
      expect(row).toMatchObject({ reviewedAt: null, reviewReason: null, reviewBasis: null });
      const score = await t.db.score.findUniqueOrThrow({
        where: { inspectionId_accountId: { inspectionId, accountId: id('dismissed') } },
      });
      expect(score.vetoCodes).toEqual(['V2']);
    });

    it('the account that posted after the morning read is decided without a veto', async () => {
      const now = await stateOf('postsAfterRead');
      expect(now.reasons).toEqual([]);
      expect(now.v2).toEqual([]);
      expect(now.result).not.toMatch(/INSUFFICIENT_DATA|FAIL_VETO/);
    });

    it('the account read only up to 23:00 still waits; one account is left to settle', async () => {
      expect(await stateOf('notReadYet')).toEqual(before.notReadYet);
      expect((await countAwaitingRead(t.db, [inspectionId])).get(inspectionId)).toBe(1);
    });

    it('a second tick has nothing to do and changes nothing', async () => {
      const settled = await stateOf('silent');
      expect(await runSettleInspections({ db: t.db, now: new Date(TICK.getTime() + 600_000) })).toEqual({
        inspections: 0,
        accounts: 0,
      });
      expect(await stateOf('silent')).toEqual(settled);
      expect(await t.db.auditLog.count({ where: { action: 'inspection.settle' } })).toBe(1);
    });

    it('an inspection whose monitoring date is older than the window is left alone', async () => {
      await crawl(id('notReadYet'), cst('2026-11-26T00:30'), SILENT, false);
      const late = new Date(MONITORING_AT.getTime() + 15 * DAY_MS);
      expect(await runSettleInspections({ db: t.db, now: late })).toEqual({ inspections: 0, accounts: 0 });
      expect(await runSettleInspections({ db: t.db, now: cst('2026-11-26T00:40') })).toEqual({
        inspections: 1,
        accounts: 1,
      });
      expect((await countAwaitingRead(t.db, [inspectionId])).get(inspectionId)).toBeUndefined();
      const listed = await listInspections({ access, page: 1, db: t.db, now: TICK });
      expect(listed.items.find((i) => i.id === inspectionId)?.awaitingRead).toBe(0);
    });
  });
});
