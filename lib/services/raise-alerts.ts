import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import {
  createAlerts,
  listFailingAccounts,
  listOverdueRectifications,
  listPendingVetoAccounts,
  listQuietAccounts,
  type NewAlert,
  type OverdueRectificationRow,
} from '@/lib/data/alerts';
import { sumEndpointHealth } from '@/lib/data/endpoint-health';
import type { AlertKind } from '@/lib/schemas/alert';
import { freshnessThresholds } from '@/lib/scoring';
import { addBeijingDays as addDays, daysFromTo as daysBetween, HOUR_MS, shanghaiDay } from '@/lib/time';
import { getEditionInForce } from './get-edition-in-force';

export const FAILING_DAYS = 3;
/** PARSER_DRIFT: dropped items plus parse failures of one interface in the last PARSER_DRIFT_WINDOW_HOURS (env PARSER_DRIFT_THRESHOLD). */
export const PARSER_DRIFT_THRESHOLD = 10;
export const PARSER_DRIFT_WINDOW_HOURS = 24;

export type RaiseAlertsSummary = {
  day: string;
  nearingStale: number;
  stale: number;
  crawlFailing: number;
  vetoSuspected: number;
  rectificationOverdue: number;
  parserDrift: number;
  created: number;
};

/**
 * Raises the alerts of the Shanghai day of `now`, at most one per account, kind and day:
 * NEARING_STALE (10–13 days since the last post in national-2019) and STALE (14+) — the V2 window of the edition in
 * force and NEARING_MARGIN_DAYS before it —, both only when every day since the post up to
 * yesterday was crawled, so a crawl gap never reads as silence; CRAWL_FAILING when the last three days (ending today,
 * or yesterday if today is not crawled yet) all failed; VETO_SUSPECTED when the account's score in its latest finished
 * inspection has veto findings awaiting review; RECTIFICATION_OVERDUE when an open rectification is past its deadline;
 * PARSER_DRIFT when one platform interface dropped items or failed to parse at least `parserDriftThreshold` times in
 * the last 24 hours (once per interface and day, on the account whose answer is the sample).
 */
export async function raiseAlerts({
  now,
  db = getDb(),
  parserDriftThreshold = PARSER_DRIFT_THRESHOLD,
}: {
  now: Date;
  db?: Db;
  parserDriftThreshold?: number;
}): Promise<RaiseAlertsSummary> {
  const today = shanghaiDay(now);
  const alerts: NewAlert[] = [];
  const push = (accountId: string, kind: AlertKind, details: NewAlert['details']) =>
    alerts.push({ accountId, kind, dedupeKey: `${accountId}:${kind}:${today}`, details });

  const { staleDays, nearingDays } = freshnessThresholds(await getEditionInForce({ db }));
  for (const q of await listQuietAccounts(db, { today, lastDayAtMost: addDays(today, -nearingDays) })) {
    const daysSince = daysBetween(q.lastPostDay, today);
    if (q.coveredDaysAfter < daysSince - 1) continue;
    push(q.accountId, daysSince >= staleDays ? 'STALE' : 'NEARING_STALE', {
      lastPostAt: q.lastPostAt.toISOString(),
      daysSince,
      limitDays: staleDays,
    });
  }

  const windows = [0, 1].map((end) => Array.from({ length: FAILING_DAYS }, (_, i) => addDays(today, -end - i)));
  const failing = new Map<string, { errorKinds: string[]; days: string[] }>();
  for (const days of windows) {
    for (const f of await listFailingAccounts(db, days))
      if (!failing.has(f.accountId)) failing.set(f.accountId, { errorKinds: f.errorKinds ?? [], days });
  }
  for (const [accountId, details] of failing) push(accountId, 'CRAWL_FAILING', details);

  for (const v of await listPendingVetoAccounts(db)) {
    push(v.accountId, 'VETO_SUSPECTED', {
      inspectionId: v.inspectionId,
      inspectionName: v.inspectionName,
      codes: v.codes,
    });
  }

  const overdue = new Map<string, Array<Omit<OverdueRectificationRow, 'accountId'>>>();
  for (const { accountId, ...item } of await listOverdueRectifications(db, today))
    overdue.set(accountId, [...(overdue.get(accountId) ?? []), item]);
  for (const [accountId, rectifications] of overdue) push(accountId, 'RECTIFICATION_OVERDUE', { rectifications });

  for (const e of await sumEndpointHealth(db, new Date(now.getTime() - PARSER_DRIFT_WINDOW_HOURS * HOUR_MS))) {
    if (e.droppedItems + e.parseFailures < parserDriftThreshold || !e.sampleRawHash || !e.sampleAccountId) continue;
    alerts.push({
      accountId: e.sampleAccountId,
      kind: 'PARSER_DRIFT',
      dedupeKey: `PARSER_DRIFT:${e.platform}:${e.endpoint}:${today}`,
      details: {
        platform: e.platform,
        endpoint: e.endpoint,
        windowHours: PARSER_DRIFT_WINDOW_HOURS,
        threshold: parserDriftThreshold,
        droppedItems: e.droppedItems,
        parseFailures: e.parseFailures,
        requests: e.requests,
        sampleRawHash: e.sampleRawHash,
      },
    });
  }

  const created = await createAlerts(db, alerts);
  const count = (k: AlertKind) => alerts.filter((a) => a.kind === k).length;
  return {
    day: today,
    nearingStale: count('NEARING_STALE'),
    stale: count('STALE'),
    crawlFailing: count('CRAWL_FAILING'),
    vetoSuspected: count('VETO_SUSPECTED'),
    rectificationOverdue: count('RECTIFICATION_OVERDUE'),
    parserDrift: count('PARSER_DRIFT'),
    created,
  };
}
