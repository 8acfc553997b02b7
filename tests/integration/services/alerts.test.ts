import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { markDayFailed, markDaysCovered } from '@/lib/data/coverage';
import { alertFilterSchema } from '@/lib/schemas/alert';
import { acknowledgeAlerts } from '@/lib/services/acknowledge-alerts';
import { countOpenAlerts } from '@/lib/services/count-open-alerts';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { listAlerts } from '@/lib/services/list-alerts';
import { raiseAlerts } from '@/lib/services/raise-alerts';
import { shanghaiDaysBetween } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-09-20T04:00:00Z'); // 2026-09-20 12:00 in Shanghai
const DAY = 86_400_000;
let t: TestDatabase;
let rootId: string;
let countyA: string;
let countyB: string;

const grant = (userId: string, role: 'ADMIN' | 'SUPERVISOR' | 'AUDITOR', agencyId: string): Access => ({
  userId,
  name: userId,
  email: `${userId}@x`,
  locale: 'zh-CN',
  grants: [{ role, agencyId, agencyName: '' }],
});

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  rootId = (await createTestAgency(t.db)).id;
  countyA = (await createTestAgency(t.db, { parentId: rootId, level: 'COUNTY' })).id;
  countyB = (await createTestAgency(t.db, { parentId: rootId, level: 'COUNTY' })).id;
  for (const id of ['sup-a', 'sup-b', 'admin'])
    await t.db.user.create({ data: { id, name: `用户${id}`, email: `${id}@x.local` } });
});
afterAll(async () => t.drop());

async function quietAccount(agencyId: string, lastPostIso: string, coveredUntilIso: string) {
  const account = await createTestAccount(t.db, agencyId);
  const run = await t.db.crawlRun.create({
    data: { accountId: account.id, slotKey: `seed:${account.id}`, status: 'SUCCEEDED' },
  });
  await t.db.post.create({
    data: {
      accountId: account.id,
      platformPostId: 'p',
      text: 't',
      contentHash: 'h',
      publishedAt: new Date(lastPostIso),
      firstSeenAt: NOW,
      lastSeenAt: NOW,
    },
  });
  await markDaysCovered(
    t.db,
    account.id,
    shanghaiDaysBetween(new Date(lastPostIso), new Date(coveredUntilIso)),
    run.id,
  );
  return { account, run };
}

async function inspection(name: string, monitoringAt: Date, status: 'DONE' | 'RUNNING') {
  const { id } = await createInspection({
    access: null,
    input: { name, monitoringAt, scopeAgencyId: rootId, scope: 'TREE', editionCode: 'national-2019' },
    db: t.db,
  });
  return t.db.inspection.update({
    where: { id },
    data: { status, finishedAt: status === 'DONE' ? monitoringAt : null },
  });
}

async function score(inspectionId: string, editionId: string, accountId: string, pendingVetoCodes: string[]) {
  await t.db.score.create({
    data: {
      inspectionId,
      editionId,
      accountId,
      result: pendingVetoCodes.length ? 'AT_RISK' : 'PASS',
      total: 90,
      breakdown: [],
      pendingVetoCodes,
      inputHash: 'h',
      computedAt: NOW,
    },
  });
}

describe('raiseAlerts', () => {
  let ids: Record<string, string>;

  it('raises each kind once per account and day, and never reads a crawl gap as silence', async () => {
    const nearing = await quietAccount(countyA, '2026-09-09T02:00:00Z', '2026-09-19T12:00:00Z'); // 11 days
    const stale = await quietAccount(countyB, '2026-09-01T02:00:00Z', '2026-09-19T12:00:00Z'); // 19 days
    const gap = await quietAccount(countyA, '2026-09-01T02:00:00Z', '2026-09-10T12:00:00Z'); // not crawled since
    for (const day of ['2026-09-17', '2026-09-18', '2026-09-19'])
      await markDayFailed(t.db, gap.account.id, day, 'RATE_LIMITED', gap.run.id);

    const vetoed = await createTestAccount(t.db, countyA);
    const cleared = await createTestAccount(t.db, countyB);
    const older = await inspection('上期', new Date(NOW.getTime() - 30 * DAY), 'DONE');
    const latest = await inspection('本期', new Date(NOW.getTime() - DAY), 'DONE');
    const running = await inspection('进行中', NOW, 'RUNNING');
    await score(older.id, older.editionId, vetoed.id, ['V2']);
    await score(latest.id, latest.editionId, vetoed.id, ['V1.1', 'V1.3']);
    await score(older.id, older.editionId, cleared.id, ['V1.1']); // reviewed since: the latest score has none
    await score(latest.id, latest.editionId, cleared.id, []);
    await score(running.id, running.editionId, cleared.id, ['V1.2']); // not finished: ignored

    const late = await createTestAccount(t.db, countyB);
    const finding = (fingerprint: string) =>
      t.db.finding.create({
        data: {
          inspectionId: latest.id,
          editionId: latest.editionId,
          accountId: late.id,
          indicatorCode: 'D3',
          ruleId: 'D3.INSULT',
          status: 'CONFIRMED',
          points: 1,
          fingerprint,
          sourceType: 'POST',
        },
      });
    const [f1, f2, f3] = [await finding('a'), await finding('b'), await finding('c')];
    await t.db.rectification.createMany({
      data: [
        { findingId: f1.id, agencyId: countyB, deadline: new Date('2026-09-15T00:00:00Z') },
        { findingId: f2.id, agencyId: countyB, deadline: new Date('2026-09-10T00:00:00Z') },
        {
          findingId: f3.id,
          agencyId: countyB,
          deadline: new Date('2026-09-12T00:00:00Z'),
          doneAt: new Date('2026-09-11T00:00:00Z'),
        },
      ],
    });

    const summary = await raiseAlerts({ now: NOW, db: t.db });
    expect(summary).toEqual({
      day: '2026-09-20',
      nearingStale: 1,
      stale: 1,
      crawlFailing: 1,
      vetoSuspected: 1,
      rectificationOverdue: 1,
      parserDrift: 0,
      created: 5,
    });
    const alerts = await t.db.alert.findMany({ orderBy: { kind: 'asc' } });
    ids = Object.fromEntries(alerts.map((a) => [a.kind, a.id]));
    expect(alerts.map((a) => [a.kind, a.accountId, a.dedupeKey])).toEqual([
      ['NEARING_STALE', nearing.account.id, `${nearing.account.id}:NEARING_STALE:2026-09-20`],
      ['STALE', stale.account.id, `${stale.account.id}:STALE:2026-09-20`],
      ['CRAWL_FAILING', gap.account.id, `${gap.account.id}:CRAWL_FAILING:2026-09-20`],
      ['VETO_SUSPECTED', vetoed.id, `${vetoed.id}:VETO_SUSPECTED:2026-09-20`],
      ['RECTIFICATION_OVERDUE', late.id, `${late.id}:RECTIFICATION_OVERDUE:2026-09-20`],
    ]);
    expect(alerts.some((a) => a.accountId === gap.account.id && a.kind !== 'CRAWL_FAILING')).toBe(false);
    expect(alerts.find((a) => a.kind === 'CRAWL_FAILING')?.details).toEqual({
      days: ['2026-09-19', '2026-09-18', '2026-09-17'],
      errorKinds: ['RATE_LIMITED'],
    });
    expect(alerts.find((a) => a.kind === 'VETO_SUSPECTED')?.details).toEqual({
      inspectionId: latest.id,
      inspectionName: '本期',
      codes: ['V1.1', 'V1.3'],
    });
    expect(alerts.find((a) => a.kind === 'RECTIFICATION_OVERDUE')?.details).toMatchObject({
      rectifications: [
        { findingId: f2.id, indicatorCode: 'D3', ruleId: 'D3.INSULT', deadline: '2026-09-10' },
        { findingId: f1.id, indicatorCode: 'D3', ruleId: 'D3.INSULT', deadline: '2026-09-15' },
      ],
    });

    const again = await raiseAlerts({ now: new Date(NOW.getTime() + 3_600_000), db: t.db });
    expect(again.created).toBe(0);
    expect(await t.db.alert.count()).toBe(5);
  });

  it('lists alerts newest first within the reader’s subtrees, by kind, and counts the open ones', async () => {
    const list = (access: Access, params: Record<string, string> = {}) =>
      listAlerts({ access, filter: alertFilterSchema.parse(params), db: t.db });
    const all = await list(grant('admin', 'ADMIN', rootId));
    expect(all.total).toBe(5);
    expect(all.items.every((a) => a.details !== null)).toBe(true);
    const created = all.items.map((a) => a.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const a = await list(grant('aud-a', 'AUDITOR', countyA));
    expect(a.items.map((i) => i.kind).sort()).toEqual(['CRAWL_FAILING', 'NEARING_STALE', 'VETO_SUSPECTED']);
    expect((await list(grant('aud-a', 'AUDITOR', countyA), { kind: 'STALE' })).total).toBe(0);
    expect((await list(grant('sup-b', 'SUPERVISOR', countyB), { kind: 'STALE' })).items.map((i) => i.id)).toEqual([
      ids.STALE,
    ]);
    expect(await countOpenAlerts({ access: grant('aud-a', 'AUDITOR', countyA), db: t.db })).toBe(3);
    expect(await countOpenAlerts({ access: grant('admin', 'ADMIN', rootId), db: t.db })).toBe(5);
  });
});

describe('acknowledgeAlerts', () => {
  let supA: Access;
  let supB: Access;
  beforeAll(() => {
    supA = grant('sup-a', 'SUPERVISOR', countyA);
    supB = grant('sup-b', 'SUPERVISOR', countyB);
  });
  const idOf = async (kind: 'NEARING_STALE' | 'STALE' | 'CRAWL_FAILING' | 'VETO_SUSPECTED' | 'RECTIFICATION_OVERDUE') =>
    (await t.db.alert.findFirstOrThrow({ where: { kind } })).id;

  it('refuses, all or nothing, alerts outside the scope and readers without a review role', async () => {
    const [own, other] = [await idOf('NEARING_STALE'), await idOf('STALE')];
    // Another county's alert answers like a missing one (no probing ids across agencies); a reader is told why.
    await expect(
      acknowledgeAlerts({ access: supA, input: { ids: [own, other] }, now: NOW, db: t.db }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', key: 'alertsMissing' });
    await expect(
      acknowledgeAlerts({ access: grant('aud-a', 'AUDITOR', countyA), input: { ids: [own] }, now: NOW, db: t.db }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      acknowledgeAlerts({
        access: supA,
        input: { ids: [own, '01900000-0000-7000-8000-000000000000'] },
        now: NOW,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.db.alert.count({ where: { acknowledgedAt: { not: null } } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: 'alert.acknowledge' } })).toBe(0);
  });

  it('acknowledges a selection in scope with an audit row each, and takes it off the open list', async () => {
    const selection = [await idOf('NEARING_STALE'), await idOf('VETO_SUSPECTED')];
    expect(await acknowledgeAlerts({ access: supA, input: { ids: selection }, now: NOW, db: t.db })).toEqual({
      acknowledged: 2,
    });
    const rows = await t.db.alert.findMany({ where: { id: { in: selection } } });
    expect(rows.every((r) => r.acknowledgedById === 'sup-a' && r.acknowledgedAt?.getTime() === NOW.getTime())).toBe(
      true,
    );
    const audits = await t.db.auditLog.findMany({ where: { action: 'alert.acknowledge' } });
    expect(audits.map((a) => [a.actorId, a.entityType, a.entityId]).sort()).toEqual(
      selection.map((id) => ['sup-a', 'alert', id]).sort(),
    );
    expect(audits[0]?.after).toEqual({ acknowledgedAt: NOW.toISOString() });

    const open = await listAlerts({ access: supA, filter: alertFilterSchema.parse({}), db: t.db });
    expect(open.items.map((i) => i.kind)).toEqual(['CRAWL_FAILING']);
    const withAcknowledged = await listAlerts({
      access: supA,
      filter: alertFilterSchema.parse({ acknowledged: '1' }),
      db: t.db,
    });
    expect(withAcknowledged.items.find((i) => i.kind === 'VETO_SUSPECTED')).toMatchObject({
      acknowledgedByName: '用户sup-a',
      acknowledgedAt: NOW.toISOString(),
    });
    expect(await countOpenAlerts({ access: supA, db: t.db })).toBe(1);
  });

  it('treats a repeated click as done, but an alert acknowledged by someone else as a conflict that changes nothing', async () => {
    const mine = await idOf('NEARING_STALE');
    expect(await acknowledgeAlerts({ access: supA, input: { ids: [mine] }, now: NOW, db: t.db })).toEqual({
      acknowledged: 0,
    });
    const admin = grant('admin', 'ADMIN', rootId);
    const open = await idOf('STALE');
    await expect(
      acknowledgeAlerts({ access: admin, input: { ids: [open, mine] }, now: NOW, db: t.db }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already acknowledged by someone else/),
    });
    expect((await t.db.alert.findUniqueOrThrow({ where: { id: open } })).acknowledgedAt).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: 'alert.acknowledge' } })).toBe(2);
    expect(await acknowledgeAlerts({ access: supB, input: { ids: [open] }, now: NOW, db: t.db })).toEqual({
      acknowledged: 1,
    });
  });
});
