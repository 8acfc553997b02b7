import type { PgBoss } from 'pg-boss';
import { z } from 'zod';
import type { PrismaClient } from '@/lib/db/types';
import { EXPORT_QUEUE, runDispatchExportJobs } from './jobs/dispatch-export-jobs';
import { runExportDocument } from './jobs/export-document';

const exportDocumentJobSchema = z.object({ exportJobId: z.uuid() });

const envSeconds = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
};

/**
 * Background exports in the worker: the `export-document` queue (one at a time per process: a PDF takes the shared
 * Chromium, lib/export/pdf-pool.ts) and a dispatcher polling queued rows every EXPORT_DISPATCH_SECONDS (5) in every
 * worker process, so a request waits seconds, not the minute of the cron table. docs/documents.md.
 */
export async function startExportJobs({
  db,
  boss,
  log,
}: {
  db: PrismaClient;
  boss: PgBoss;
  log: (kind: string, extra?: Record<string, unknown>) => void;
}) {
  // No queue retries: a failure is stored on the row for the requester; a job left RUNNING by a dead worker is
  // claimed again after 30 min (EXPORT_JOB_STALE_MS) when the expired queue job is dispatched anew.
  const options = {
    expireInSeconds: envSeconds('EXPORT_JOB_EXPIRE_SECONDS', 1800),
    retryLimit: 0,
    deleteAfterSeconds: 86_400,
    retentionSeconds: 86_400,
  };
  await boss.createQueue(EXPORT_QUEUE, options);
  await boss.updateQueue(EXPORT_QUEUE, options);
  await boss.work(EXPORT_QUEUE, { batchSize: 1, localConcurrency: 1 }, async (jobs) => {
    for (const job of jobs) await runExportDocument({ db, jobId: exportDocumentJobSchema.parse(job.data).exportJobId });
  });
  let isDispatching = false;
  const dispatch = async () => {
    if (isDispatching) return;
    isDispatching = true;
    try {
      const { enqueued, expired } = await runDispatchExportJobs({ db, boss, now: new Date() });
      if (enqueued || expired) log('EXPORT_DISPATCH', { enqueued, expired });
    } catch (error) {
      log('EXPORT_DISPATCH_FAILED', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      isDispatching = false;
    }
  };
  await dispatch();
  const timer = setInterval(() => void dispatch(), envSeconds('EXPORT_DISPATCH_SECONDS', 5) * 1000);
  return { stop: () => clearInterval(timer) };
}
