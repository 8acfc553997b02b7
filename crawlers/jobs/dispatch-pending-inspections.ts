import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/db/types';
import { listPendingInspections } from '@/lib/services/list-pending-inspections';
import { sendScoreInspection } from '../queue';
import { logJob } from './log';

/** Enqueues a score job per PENDING inspection; the job id is derived from the inspection, so repeats are no-ops. */
export async function runDispatchPendingInspections({
  db,
  boss,
}: {
  db: PrismaClient;
  boss: PgBoss;
}): Promise<{ enqueued: number }> {
  const started = Date.now();
  let enqueued = 0;
  for (const id of await listPendingInspections(db)) {
    if (await sendScoreInspection(boss, id)) enqueued += 1;
  }
  logJob({ job: 'dispatch-pending-inspections', kind: 'OK', ms: Date.now() - started, enqueued });
  return { enqueued };
}
