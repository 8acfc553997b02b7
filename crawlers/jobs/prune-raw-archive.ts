import type { PrismaClient } from '@/lib/db/types';
import { pruneRawArchive, rawArchiveRetentionDays } from '@/lib/services/prune-raw-archive';
import { logJob } from './log';

export async function runPruneRawArchive({
  now,
  db,
  env,
}: {
  now: Date;
  db: PrismaClient;
  env: Record<string, string | undefined>;
}) {
  const started = Date.now();
  const summary = await pruneRawArchive({ db, now, retentionDays: rawArchiveRetentionDays(env) });
  logJob({ job: 'prune-raw-archive', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
