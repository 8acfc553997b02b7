import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { countOverview, listAccountActivity, listAgencyNames, type AccountActivityRow } from '@/lib/data/overview';
import { listLatestResults, listQuarterResults, type LatestResultRow } from '@/lib/data/score-trends';
import { toQuarterTrend, type QuarterPoint } from '@/lib/query/mappers';
import { shanghaiDay } from '@/lib/time';

const DAY_MS = 86_400_000;
export const STALE_AFTER_DAYS = 14;
export const NEARING_FROM_DAYS = 10;

export type ActivityItem = AccountActivityRow & { daysSinceLastPost: number | null; isCoverageComplete: boolean };

export type OverviewDto = {
  asOf: string;
  scopeNames: string[];
  counts: Awaited<ReturnType<typeof countOverview>>;
  coverage14: number | null;
  stale: ActivityItem[];
  nearing: ActivityItem[];
  latest: { scored: number; passed: number; vetoed: LatestResultRow[]; atRisk: LatestResultRow[] };
  trend: QuarterPoint[];
};

const TREND_DAYS = 2 * 365;

/** Activity overview of the given agency subtrees at `now`; coverage shows whether staleness is backed by crawls. */
export async function getOverview({ now, scopeRoots, db = getDb() }: { now: Date; scopeRoots: string[]; db?: Db }): Promise<OverviewDto> {
  const coverageFromDay = shanghaiDay(new Date(now.getTime() - (STALE_AFTER_DAYS - 1) * DAY_MS));
  const [counts, activity, scopeNames, latest, quarterRows] = await Promise.all([
    countOverview(db, scopeRoots, new Date(now.getTime() - 60 * DAY_MS)),
    listAccountActivity(db, scopeRoots, coverageFromDay),
    listAgencyNames(db, scopeRoots),
    listLatestResults(db, scopeRoots),
    listQuarterResults(db, scopeRoots, new Date(now.getTime() - TREND_DAYS * DAY_MS)),
  ]);
  const items = activity.map((row) => ({
    ...row,
    daysSinceLastPost: row.lastPostAt ? Math.floor((now.getTime() - Date.parse(row.lastPostAt)) / DAY_MS) : null,
    isCoverageComplete: row.coveredDays14 >= STALE_AFTER_DAYS,
  }));
  const byAge = (a: ActivityItem, b: ActivityItem) => (b.daysSinceLastPost ?? 1e9) - (a.daysSinceLastPost ?? 1e9);
  const totalCovered = activity.reduce((n, r) => n + Math.min(r.coveredDays14, STALE_AFTER_DAYS), 0);
  return {
    asOf: now.toISOString(),
    scopeNames,
    counts,
    latest: {
      scored: latest.filter((r) => r.result !== 'INSUFFICIENT_DATA').length,
      passed: latest.filter((r) => r.result === 'PASS').length,
      vetoed: latest.filter((r) => r.result === 'FAIL_VETO'),
      atRisk: latest.filter((r) => r.result === 'AT_RISK'),
    },
    trend: toQuarterTrend(quarterRows),
    coverage14: activity.length ? totalCovered / (activity.length * STALE_AFTER_DAYS) : null,
    stale: items.filter((i) => (i.daysSinceLastPost ?? Infinity) >= STALE_AFTER_DAYS).sort(byAge),
    nearing: items
      .filter((i) => i.daysSinceLastPost !== null && i.daysSinceLastPost >= NEARING_FROM_DAYS && i.daysSinceLastPost < STALE_AFTER_DAYS)
      .sort(byAge),
  };
}
