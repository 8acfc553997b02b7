import type { PrismaClient } from '@/lib/db/types';
import { settleInspections } from '@/lib/services/settle-inspections';
import { logJob } from './log';

/** Re-scores accounts of recent inspections that waited on a read, now read (docs/scoring.md "Settling"). */
export async function runSettleInspections({ now, db }: { now: Date; db: PrismaClient }) {
  const started = Date.now();
  const summary = await settleInspections({ db, now });
  logJob({ job: 'settle-inspections', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
