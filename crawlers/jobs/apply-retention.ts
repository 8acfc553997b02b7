import type { PrismaClient } from '@/lib/db/types';
import { applyRetention, retentionSettings } from '@/lib/services/apply-retention';
import { logJob } from './log';

export async function runApplyRetention({
  now,
  db,
  env,
}: {
  now: Date;
  db: PrismaClient;
  env: Record<string, string | undefined>;
}) {
  const started = Date.now();
  const summary = await applyRetention({ db, now, settings: retentionSettings(env) });
  logJob({ job: 'apply-retention', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
