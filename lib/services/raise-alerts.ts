import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import {
  createAlerts, listFailingAccounts, listOverdueRectifications, listPendingVetoAccounts, listQuietAccounts, type NewAlert, type OverdueRectificationRow,
} from '@/lib/data/alerts';
import type { AlertKind } from '@/lib/schemas/alert';
import { shanghaiDay } from '@/lib/time';

export const NEARING_STALE_DAYS = 10;
export const STALE_DAYS = 14;
export const FAILING_DAYS = 3;
const DAY_MS = 86_400_000;

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export type RaiseAlertsSummary = {
  day: string; nearingStale: number; stale: number; crawlFailing: number; vetoSuspected: number; rectificationOverdue: number; created: number;
};

/**
 * Raises the alerts of the Shanghai day of `now`, at most one per account, kind and day:
 * NEARING_STALE (10–13 days since the last post) and STALE (14+), both only when every day since the post up to
 * yesterday was crawled, so a crawl gap never reads as silence; CRAWL_FAILING when the last three days (ending today,
 * or yesterday if today is not crawled yet) all failed; VETO_SUSPECTED when the account's score in its latest finished
 * inspection has veto findings awaiting review; RECTIFICATION_OVERDUE when an open rectification is past its deadline.
 */
export async function raiseAlerts({ now, db = getDb() }: { now: Date; db?: Db }): Promise<RaiseAlertsSummary> {
  const today = shanghaiDay(now);
  const alerts: NewAlert[] = [];
  const push = (accountId: string, kind: AlertKind, details: NewAlert['details']) =>
    alerts.push({ accountId, kind, dedupeKey: `${accountId}:${kind}:${today}`, details });

  for (const q of await listQuietAccounts(db, { today, lastDayAtMost: addDays(today, -NEARING_STALE_DAYS) })) {
    const daysSince = daysBetween(q.lastPostDay, today);
    if (q.coveredDaysAfter < daysSince - 1) continue;
    push(q.accountId, daysSince >= STALE_DAYS ? 'STALE' : 'NEARING_STALE', { lastPostAt: q.lastPostAt.toISOString(), daysSince });
  }

  const windows = [0, 1].map((end) => Array.from({ length: FAILING_DAYS }, (_, i) => addDays(today, -end - i)));
  const failing = new Map<string, { errorKinds: string[]; days: string[] }>();
  for (const days of windows) {
    for (const f of await listFailingAccounts(db, days)) if (!failing.has(f.accountId)) failing.set(f.accountId, { errorKinds: f.errorKinds ?? [], days });
  }
  for (const [accountId, details] of failing) push(accountId, 'CRAWL_FAILING', details);

  for (const v of await listPendingVetoAccounts(db)) {
    push(v.accountId, 'VETO_SUSPECTED', { inspectionId: v.inspectionId, inspectionName: v.inspectionName, codes: v.codes });
  }

  const overdue = new Map<string, Array<Omit<OverdueRectificationRow, 'accountId'>>>();
  for (const { accountId, ...item } of await listOverdueRectifications(db, today)) overdue.set(accountId, [...(overdue.get(accountId) ?? []), item]);
  for (const [accountId, rectifications] of overdue) push(accountId, 'RECTIFICATION_OVERDUE', { rectifications });

  const created = await createAlerts(db, alerts);
  const count = (k: AlertKind) => alerts.filter((a) => a.kind === k).length;
  return {
    day: today, nearingStale: count('NEARING_STALE'), stale: count('STALE'), crawlFailing: count('CRAWL_FAILING'),
    vetoSuspected: count('VETO_SUSPECTED'), rectificationOverdue: count('RECTIFICATION_OVERDUE'), created,
  };
}
