import type { PrismaClient } from '@/lib/db/types';
import { createAlerts, listFailingAccounts, listQuietAccounts, type NewAlert } from '@/lib/data/alerts';
import { shanghaiDay } from '@/lib/time';
import { logJob } from './log';

export const NEARING_STALE_DAYS = 10;
export const STALE_DAYS = 14;
export const FAILING_DAYS = 3;
const DAY_MS = 86_400_000;

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export type AlertsSummary = { day: string; nearingStale: number; stale: number; crawlFailing: number; created: number };

/**
 * Raises alerts for the Shanghai day of `now`: NEARING_STALE (10–13 days since the last post) and STALE (14+),
 * both only when every day since the post up to yesterday was crawled, so a crawl gap never reads as silence;
 * CRAWL_FAILING when the last three days (ending today, or yesterday if today is not crawled yet) all failed.
 */
export async function runAlerts({ now, db }: { now: Date; db: PrismaClient }): Promise<AlertsSummary> {
  const started = Date.now();
  const today = shanghaiDay(now);
  const alerts: NewAlert[] = [];
  const quiet = await listQuietAccounts(db, { today, lastDayAtMost: addDays(today, -NEARING_STALE_DAYS) });
  for (const q of quiet) {
    const daysSince = daysBetween(q.lastPostDay, today);
    if (q.coveredDaysAfter < daysSince - 1) continue;
    const kind = daysSince >= STALE_DAYS ? 'STALE' : 'NEARING_STALE';
    alerts.push({ accountId: q.accountId, kind, dedupeKey: `${q.accountId}:${kind}:${today}`, details: { lastPostAt: q.lastPostAt.toISOString(), daysSince } });
  }
  const windows = [0, 1].map((end) => Array.from({ length: FAILING_DAYS }, (_, i) => addDays(today, -end - i)));
  const failing = new Map<string, { errorKinds: string[]; days: string[] }>();
  for (const days of windows) {
    for (const f of await listFailingAccounts(db, days)) if (!failing.has(f.accountId)) failing.set(f.accountId, { errorKinds: f.errorKinds ?? [], days });
  }
  for (const [accountId, details] of failing) {
    alerts.push({ accountId, kind: 'CRAWL_FAILING', dedupeKey: `${accountId}:CRAWL_FAILING:${today}`, details });
  }
  const created = await createAlerts(db, alerts);
  const count = (k: NewAlert['kind']) => alerts.filter((a) => a.kind === k).length;
  const summary = { day: today, nearingStale: count('NEARING_STALE'), stale: count('STALE'), crawlFailing: count('CRAWL_FAILING'), created };
  logJob({ job: 'alerts', kind: 'OK', ms: Date.now() - started, ...summary });
  return summary;
}
