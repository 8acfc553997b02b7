import type { PrismaClient } from '@/lib/db/types';
import { maintainPartitions } from '@/lib/services/maintain-partitions';
import { logJob } from './log';

export async function runMaintainPartitions({ now, db }: { now: Date; db: PrismaClient }) {
  const started = Date.now();
  const summary = await maintainPartitions({ db, now });
  logJob({ job: 'maintain-partitions', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
