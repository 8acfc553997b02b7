import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import { listQueuedExportJobs, purgeExpiredExportJobs } from '@/lib/services/list-queued-export-jobs';
import { deterministicJobId } from './slots';

export const EXPORT_QUEUE = 'export-document';

/**
 * Hands queued export rows (written by the exports page; no work runs inside Next.js) to the queue, one job per row:
 * the job id derives from the row, so every worker may dispatch and a repeat inserts nothing. Deletes expired files.
 */
export async function runDispatchExportJobs({
  db,
  boss,
  now,
}: {
  db: PrismaClient;
  boss: PgBoss;
  now: Date;
}): Promise<{ enqueued: number; expired: number }> {
  const ids = await listQueuedExportJobs(db);
  let enqueued = 0;
  for (const id of ids) {
    if (await boss.send(EXPORT_QUEUE, { exportJobId: id }, { id: deterministicJobId(`export:${id}`) })) enqueued += 1;
  }
  const expired = await purgeExpiredExportJobs(db, now);
  return { enqueued, expired };
}
