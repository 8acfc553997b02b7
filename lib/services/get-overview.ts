import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { countOverview, listAgencyNames, summarizeAccountActivity, type AccountActivityRow } from '@/lib/data/overview';
import { listQuarterResults, summarizeLatestResults, type LatestResultRow } from '@/lib/data/score-trends';
import { toQuarterTrend, type QuarterPoint } from '@/lib/query/mappers';
import { shanghaiDay } from '@/lib/time';

const DAY_MS = 86_400_000;
export const STALE_AFTER_DAYS = 14;
export const NEARING_FROM_DAYS = 10;
/** Rows per list on the overview; the cards carry the full counts. */
export const OVERVIEW_LIST_LIMIT = 50;

export type ActivityItem = AccountActivityRow & { daysSinceLastPost: number | null; isCoverageComplete: boolean };

export type OverviewDto = {
  asOf: string;
  scopeNames: string[];
  counts: Awaited<ReturnType<typeof countOverview>>;
  coverage14: number | null;
  staleCount: number;
  nearingCount: number;
  /** The longest-silent accounts first, at most OVERVIEW_LIST_LIMIT. */
  stale: ActivityItem[];
  nearing: ActivityItem[];
  latest: { scored: number; passed: number; vetoedCount: number; atRiskCount: number; vetoed: LatestResultRow[]; atRisk: LatestResultRow[] };
  trend: QuarterPoint[];
};

const TREND_DAYS = 2 * 365;

/** Activity overview of the given agency subtrees at `now`; coverage shows whether staleness is backed by crawls. */
export async function getOverview({ now, scopeRoots, db = getDb() }: { now: Date; scopeRoots: string[]; db?: Db }): Promise<OverviewDto> {
  const coverageFromDay = shanghaiDay(new Date(now.getTime() - (STALE_AFTER_DAYS - 1) * DAY_MS));
  // "Days since the last post" is floored, so ≥ 14 days means published at or before now − 14 days.
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
  const nearingBefore = new Date(now.getTime() - NEARING_FROM_DAYS * DAY_MS);
  const [counts, activity, scopeNames, latest, quarterRows] = await Promise.all([
    countOverview(db, scopeRoots, new Date(now.getTime() - 60 * DAY_MS)),
    summarizeAccountActivity(db, scopeRoots, { coverageFromDay, staleBefore, nearingBefore, windowDays: STALE_AFTER_DAYS, limit: OVERVIEW_LIST_LIMIT }),
    listAgencyNames(db, scopeRoots),
    summarizeLatestResults(db, scopeRoots, OVERVIEW_LIST_LIMIT),
    listQuarterResults(db, scopeRoots, new Date(now.getTime() - TREND_DAYS * DAY_MS)),
  ]);
  const item = (row: AccountActivityRow): ActivityItem => ({
    ...row,
    daysSinceLastPost: row.lastPostAt ? Math.floor((now.getTime() - Date.parse(row.lastPostAt)) / DAY_MS) : null,
    isCoverageComplete: row.coveredDays14 >= STALE_AFTER_DAYS,
  });
  const scored = Object.entries(latest.counts).reduce((n, [result, count]) => (result === 'INSUFFICIENT_DATA' ? n : n + count), 0);
  return {
    asOf: now.toISOString(),
    scopeNames,
    counts,
    latest: {
      scored,
      passed: latest.counts.PASS ?? 0,
      vetoedCount: latest.counts.FAIL_VETO ?? 0,
      atRiskCount: latest.counts.AT_RISK ?? 0,
      vetoed: latest.vetoed,
      atRisk: latest.atRisk,
    },
    trend: toQuarterTrend(quarterRows),
    coverage14: activity.accounts ? activity.coveredDays / (activity.accounts * STALE_AFTER_DAYS) : null,
    staleCount: activity.staleCount,
    nearingCount: activity.nearingCount,
    stale: activity.stale.map(item),
    nearing: activity.nearing.map(item),
  };
}
