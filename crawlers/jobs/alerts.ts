import type { PrismaClient } from '@/lib/db/types';
import { raiseAlerts, type RaiseAlertsSummary } from '@/lib/services/raise-alerts';
import { logJob } from './log';

export async function runAlerts({ now, db }: { now: Date; db: PrismaClient }): Promise<RaiseAlertsSummary> {
  const started = Date.now();
  const threshold = Number.parseInt(process.env.PARSER_DRIFT_THRESHOLD ?? '', 10);
  const summary = await raiseAlerts({ now, db, ...(threshold > 0 ? { parserDriftThreshold: threshold } : {}) });
  logJob({ job: 'alerts', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
