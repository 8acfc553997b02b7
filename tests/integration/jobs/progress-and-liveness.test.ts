import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeartbeat } from '@/crawlers/heartbeat';
import { EXPORT_QUEUE, runDispatchExportJobs } from '@/crawlers/jobs/dispatch-export-jobs';
import { startBoss, type PgBoss } from '@/crawlers/queue';
import type { Access } from '@/lib/access';
import type { PrismaClient } from '@/lib/db/types';
import { isAppError } from '@/lib/errors';
import { createInspection } from '@/lib/services/create-inspection';
import { downloadExportJob } from '@/lib/services/download-export-job';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { exportReport } from '@/lib/services/export-report';
import { getUserAccess } from '@/lib/services/get-user-access';
import { listExportJobs } from '@/lib/services/list-export-jobs';
import { runExportJob } from '@/lib/services/run-export-job';
import { startExportJob } from '@/lib/services/start-export-job';
import { forgetWorkerHeartbeat, getWorkerStatus, recordWorkerHeartbeat } from '@/lib/services/worker-heartbeat';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// Real PostgreSQL. Progress is checked as written: every update of the inspection / export job row is recorded
// through a Prisma query extension on the same client the services use, then the stored row is read back.

let t: TestDatabase;
let boss: PgBoss;
let countyId: string;
let otherCountyId: string;
const NOW = new Date('2026-11-20T04:00:00Z');

async function userWith(id: string, agencyId: string): Promise<Access> {
  await t.db.user.create({
    data: { id, name: id, email: `${id}@test.local`, roleGrants: { create: [{ role: 'AUDITOR', agencyId }] } },
  });
  const access = await getUserAccess({ userId: id, db: t.db });
  if (!access) throw new Error('no access');
  return access;
}

/** The same database, with every `update` of `model` recorded (its data) before it runs. */
function recording(model: 'Inspection' | 'ExportJob') {
  const writes: Array<Record<string, unknown>> = [];
  const db = t.db.$extends({
    query: {
      $allModels: {
        async update({ model: name, args, query }) {
          if (name === model) writes.push((args as { data: Record<string, unknown> }).data);
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
  return { db, writes };
}

beforeAll(async () => {
  t = await createTestDatabase();
  boss = await startBoss(t.url, { isSupervisor: false });
  await boss.createQueue(EXPORT_QUEUE);
  await ensureScoringConfig(t.db);
  const province = await createTestAgency(t.db, { name: '江川省测试' });
  countyId = (
    await createTestAgency(t.db, {
      name: '临溪县测试',
      parentId: province.id,
      level: 'COUNTY',
      isSupervisingUnit: true,
    })
  ).id;
  otherCountyId = (await createTestAgency(t.db, { name: '青石县测试', parentId: province.id, level: 'COUNTY' })).id;
  for (let i = 0; i < 5; i += 1) await createTestAccount(t.db, countyId, { displayName: `临溪发布${i}` });
});
afterAll(async () => {
  await boss.stop({ graceful: false, close: true });
  await t.drop();
});

describe('inspection progress', () => {
  it('is written as n of N after each batch and ends at N of N, DONE', async () => {
    process.env.INSPECTION_BATCH_SIZE = '2';
    // Imported after the batch size is set: it is read once, when the module loads.
    const { runInspection } = await import('@/lib/services/run-inspection');
    const { id } = await createInspection({
      access: null,
      input: {
        name: '进度检查',
        monitoringAt: NOW,
        scopeAgencyId: countyId,
        scope: 'TREE',
        editionCode: 'national-2019',
      },
      db: t.db,
    });
    const before = await t.db.inspection.findUniqueOrThrow({ where: { id } });
    expect([before.status, before.progressDone, before.progressTotal]).toEqual(['PENDING', 0, null]);
    const { db, writes } = recording('Inspection');
    await runInspection({ db, inspectionId: id, now: NOW });
    const progress = writes
      .filter((w) => 'progressTotal' in w && w.progressTotal !== null)
      .map((w) => `${String(w.progressDone)}/${String(w.progressTotal)}`);
    expect(progress).toEqual(['0/5', '2/5', '4/5', '5/5']);
    const after = await t.db.inspection.findUniqueOrThrow({ where: { id } });
    expect([after.status, after.progressDone, after.progressTotal]).toEqual(['DONE', 5, 5]);
    delete process.env.INSPECTION_BATCH_SIZE;
  });
});

describe('exports as background jobs', () => {
  it('queued → dispatched once → running n of 4 → done; the requester downloads the file, audited', async () => {
    const access = await userWith('auditor-a', countyId);
    const { id } = await startExportJob({
      access,
      input: { kind: 'notice', period: '2026Q4', agencyId: countyId, format: 'xlsx', locale: 'zh-CN' },
      now: NOW,
      db: t.db,
    });
    expect(
      (await listExportJobs({ access, locale: 'zh-CN', now: NOW, db: t.db })).items.map((j) => [
        j.id,
        j.status,
        j.agencyName,
      ]),
    ).toEqual([[id, 'QUEUED', '临溪县测试']]);
    expect(
      await t.db.auditLog.count({ where: { action: 'export.job-queued', entityId: id, actorId: 'auditor-a' } }),
    ).toBe(1);

    expect((await runDispatchExportJobs({ db: t.db, boss, now: NOW })).enqueued).toBe(1);
    expect((await runDispatchExportJobs({ db: t.db, boss, now: NOW })).enqueued).toBe(0);
    expect((await boss.findJobs<{ exportJobId: string }>(EXPORT_QUEUE)).map((j) => j.data.exportJobId)).toEqual([id]);

    await expect(downloadExportJob({ access, id, now: NOW, db: t.db })).rejects.toMatchObject({
      key: 'exportJobNotReady',
    });
    const { db, writes } = recording('ExportJob');
    expect(await runExportJob({ jobId: id, now: () => NOW, db })).toBe('done');
    expect(writes.filter((w) => 'stepsDone' in w).map((w) => `${String(w.stepsDone)}/${String(w.stepsTotal)}`)).toEqual(
      ['1/4', '2/4', '3/4', '4/4'],
    );
    const [job] = (await listExportJobs({ access, locale: 'zh-CN', now: NOW, db: t.db })).items;
    expect(job).toMatchObject({ status: 'DONE', stepsDone: 4, stepsTotal: 4, error: null });
    expect(job?.filename).toMatch(/^巡检通报-临溪县测试-2026Q4\.xlsx$/);
    expect(job?.expiresAt).toBe(new Date(NOW.getTime() + 7 * 86_400_000).toISOString());
    // A second delivery of the same queue job does nothing.
    expect(await runExportJob({ jobId: id, now: () => NOW, db: t.db })).toBe('skipped');

    const file = await downloadExportJob({ access, id, now: NOW, db: t.db });
    expect(Buffer.from(file.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    expect(file.bytes.byteLength).toBe(job?.byteSize);
    expect(await t.db.auditLog.count({ where: { action: 'export.job-download', entityId: id } })).toBe(1);
    // The export itself is audited like a direct one, as the requester.
    expect(
      await t.db.auditLog.count({ where: { action: 'export.notice', actorId: 'auditor-a', entityId: countyId } }),
    ).toBe(1);
  });

  it('the assessment ZIP of a tree runs as a job with one step per unit', async () => {
    const province = await t.db.agency.findFirstOrThrow({ where: { name: '江川省测试' }, select: { id: true } });
    const access = await userWith('auditor-zip', province.id);
    const { id } = await startExportJob({
      access,
      input: { kind: 'assessment-zip', period: '2026', agencyId: province.id, format: 'xlsx' },
      now: NOW,
      db: t.db,
    });
    const { db, writes } = recording('ExportJob');
    expect(await runExportJob({ jobId: id, now: () => NOW, db })).toBe('done');
    const steps = writes.filter((w) => 'stepsDone' in w).map((w) => `${String(w.stepsDone)}/${String(w.stepsTotal)}`);
    // The ranking workbook, the province and its two counties, the archive: 5 steps, in order.
    expect([...new Set(steps)]).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    const file = await downloadExportJob({ access, id, now: NOW, db: t.db });
    expect(file.contentType).toBe('application/zip');
    expect(Buffer.from(file.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    await expect(
      startExportJob({
        access,
        input: { kind: 'assessment-zip', period: '2026Q4', agencyId: province.id, format: 'xlsx' },
        now: NOW,
        db: t.db,
      }),
    ).rejects.toThrow();
  });

  it('nobody else downloads it, and an expired file is gone', async () => {
    const owner = await userWith('auditor-b', countyId);
    const other = await userWith('auditor-c', countyId);
    const { id } = await startExportJob({
      access: owner,
      input: { kind: 'annual', period: '2026', agencyId: countyId, format: 'docx' },
      now: NOW,
      db: t.db,
    });
    expect(await runExportJob({ jobId: id, now: () => NOW, db: t.db })).toBe('done');
    await expect(downloadExportJob({ access: other, id, now: NOW, db: t.db })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(downloadExportJob({ access: owner, id: 'not-a-uuid', now: NOW, db: t.db })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const later = new Date(NOW.getTime() + 8 * 86_400_000);
    await expect(downloadExportJob({ access: owner, id, now: later, db: t.db })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await runDispatchExportJobs({ db: t.db, boss, now: later })).expired).toBeGreaterThanOrEqual(1);
    expect(await t.db.exportJob.count({ where: { id } })).toBe(0);
  });

  it('refuses scopes outside the user, more than 3 active jobs, and stores why a job failed', async () => {
    const access = await userWith('auditor-d', countyId);
    await expect(
      startExportJob({
        access,
        input: { kind: 'notice', period: '2026Q4', agencyId: otherCountyId, format: 'pdf' },
        now: NOW,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      startExportJob({
        access,
        input: { kind: 'notice', period: '2026-13', agencyId: countyId, format: 'pdf' },
        now: NOW,
        db: t.db,
      }),
    ).rejects.toThrow();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1)
      ids.push(
        (
          await startExportJob({
            access,
            input: { kind: 'notice', period: `2026Q${i + 1}`, agencyId: countyId, format: 'xlsx' },
            now: NOW,
            db: t.db,
          })
        ).id,
      );
    const refused = await startExportJob({
      access,
      input: { kind: 'notice', period: '2026Q4', agencyId: countyId, format: 'xlsx' },
      now: NOW,
      db: t.db,
    }).catch((e: unknown) => e);
    expect(isAppError(refused) && [refused.code, refused.key]).toEqual(['CONFLICT', 'exportJobsBusy']);
    // Deactivated before the worker ran it: the job fails and says why.
    await t.db.user.update({ where: { id: 'auditor-d' }, data: { isActive: false } });
    expect(await runExportJob({ jobId: ids[0] ?? '', now: () => NOW, db: t.db })).toBe('failed');
    const failed = (await listExportJobs({ access, locale: 'zh-CN', now: NOW, db: t.db })).items.find(
      (j) => j.id === ids[0],
    );
    expect(failed).toMatchObject({ status: 'FAILED', error: '请先登录' });
  });

  it('a direct export above the size limit is refused with a clear 400, out-of-scope stays not found', async () => {
    const access = await userWith('auditor-e', countyId);
    const query = { kind: 'notice' as const, period: '2026Q4', agencyId: countyId, format: 'xlsx' as const };
    const refused = await exportReport({ access, query, now: NOW, db: t.db, maxAccounts: 4 }).catch((e: unknown) => e);
    expect(isAppError(refused) && [refused.code, refused.key, refused.params]).toEqual([
      'VALIDATION',
      'exportTooLargeForDirect',
      { accounts: 5, limit: 4 },
    ]);
    await expect(
      exportReport({ access, query: { ...query, agencyId: otherCountyId }, now: NOW, db: t.db, maxAccounts: 0 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const file = await exportReport({ access, query, now: NOW, db: t.db, maxAccounts: 5 });
    expect(file.bytes.byteLength).toBeGreaterThan(1000);
  });
});

describe('worker heartbeat', () => {
  it('alive within the window after a beat, not after it; a clean stop removes the row at once', async () => {
    expect(await getWorkerStatus({ now: NOW, db: t.db })).toMatchObject({ alive: false, workers: 0, lastSeenAt: null });
    const row = { id: 'host:1:1', hostname: 'host', pid: 1, startedAt: NOW };
    await recordWorkerHeartbeat({ row, now: NOW, db: t.db });
    expect(await getWorkerStatus({ now: new Date(NOW.getTime() + 60_000), db: t.db })).toMatchObject({
      alive: true,
      workers: 1,
      lastSeenAt: NOW.toISOString(),
    });
    expect(await getWorkerStatus({ now: new Date(NOW.getTime() + 181_000), db: t.db })).toMatchObject({
      alive: false,
      workers: 0,
      lastSeenAt: NOW.toISOString(),
    });
    // Another process beating a day later forgets the silent one.
    const next = { id: 'host:2:2', hostname: 'host', pid: 2, startedAt: NOW };
    await recordWorkerHeartbeat({ row: next, now: new Date(NOW.getTime() + 86_400_001), db: t.db });
    expect(await t.db.workerHeartbeat.findMany({ select: { id: true } })).toEqual([{ id: 'host:2:2' }]);
    await forgetWorkerHeartbeat({ id: 'host:2:2', db: t.db });
    expect(await t.db.workerHeartbeat.count()).toBe(0);
  });

  it("the worker's heartbeat writes its row at start and deletes it on stop", async () => {
    const lines: string[] = [];
    const heartbeat = await startHeartbeat({ db: t.db, log: (kind) => lines.push(kind) });
    const status = await getWorkerStatus({ now: new Date(), db: t.db });
    expect(status).toMatchObject({ alive: true, workers: 1 });
    expect(heartbeat.id).toContain(`:${process.pid}:`);
    await heartbeat.stop();
    expect(await getWorkerStatus({ now: new Date(), db: t.db })).toMatchObject({ alive: false });
    expect(lines).toEqual([]);
  });
});
