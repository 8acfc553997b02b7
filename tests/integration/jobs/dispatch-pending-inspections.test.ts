import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDispatchPendingInspections } from '@/crawlers/jobs/dispatch-pending-inspections';
import { runScoreInspection } from '@/crawlers/jobs/score-inspection';
import { QUEUES, startBoss, type PgBoss } from '@/crawlers/queue';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
let boss: PgBoss;
beforeAll(async () => {
  t = await createTestDatabase();
  boss = await startBoss(t.url, { isSupervisor: false });
});
afterAll(async () => {
  await boss.stop({ graceful: false, close: true });
  await t.drop();
});

describe('inspections started from the dashboard', () => {
  it('are handed to the queue once and scored by the worker job', async () => {
    await ensureScoringConfig(t.db);
    const agency = await createTestAgency(t.db);
    await createTestAccount(t.db, agency.id);
    const { id } = await createInspection({
      access: null,
      input: {
        name: '季度检查',
        monitoringAt: new Date('2026-11-20T00:00:00Z'),
        scopeAgencyId: agency.id,
        scope: 'TREE',
        editionCode: 'national-2019',
      },
      db: t.db,
    });

    expect(await runDispatchPendingInspections({ db: t.db, boss })).toEqual({ enqueued: 1 });
    expect(await runDispatchPendingInspections({ db: t.db, boss })).toEqual({ enqueued: 0 });
    const jobs = await boss.findJobs<{ inspectionId: string }>(QUEUES.scoreInspection);
    expect(jobs.map((j) => j.data.inspectionId)).toEqual([id]);

    await runScoreInspection({ now: new Date(), db: t.db, inspectionId: id, runInspection });
    const inspection = await t.db.inspection.findUniqueOrThrow({ where: { id } });
    expect(inspection.status).toBe('DONE');
    // Never crawled: V2 cannot be decided, so the account is not failed for silence.
    expect(await t.db.score.findMany({ where: { inspectionId: id }, select: { result: true } })).toEqual([
      { result: 'INSUFFICIENT_DATA' },
    ]);
    expect(await runDispatchPendingInspections({ db: t.db, boss })).toEqual({ enqueued: 0 });
  });
});
