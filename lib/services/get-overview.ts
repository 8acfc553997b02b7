import { readKey, readThrough } from '@/lib/cache/read-cache';
import { listActiveChildIds, listSubtreeStats } from '@/lib/data/agency-scorecard';
import { countOverview, listAgencyNames, summarizeAccountActivity, type AccountActivityRow } from '@/lib/data/overview';
import {
  listQuarterResults,
  listScoreRows,
  summarizeLatestResults,
  type LatestScoreRowDto,
} from '@/lib/data/score-trends';
import { getDb, getReadDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { toQuarterTrend, type QuarterPoint } from '@/lib/query/mappers';
import { freshnessThresholds } from '@/lib/scoring';
import { resultFigures, type ResultFigures } from '@/lib/scoring/figures/results';
import { ZOMBIE_VETO_CODE } from '@/lib/scoring/figures/zombies';
import { DAY_MS, shanghaiDay } from '@/lib/time';
import { rankByPassRate, subtreeFigures, topDeductions, type Deduction, type SubtreeFigures } from './figures/ranking';
import { scoreBadge, type ScoreBadge } from './figures/score';
import { getEditionInForce } from './get-edition-in-force';

/**
 * Rows per list on the overview (the worst first); the cards carry the full counts and the unit ranking drills down
 * to every account. Twenty, not fifty: the failing table joins three lists, and at province scale rendering those
 * rows was most of the page's cost under load (docs/benchmarks.md).
 */
export const OVERVIEW_LIST_LIMIT = 20;

export type ActivityItem = AccountActivityRow & { daysSinceLastPost: number | null; isCoverageComplete: boolean };

/** A listed account with its latest score's badge figures and its largest deductions (why it scored low). */
export type LatestScoreItem = {
  accountId: string;
  displayName: string;
  agencyName: string;
  platformCode: string;
  topDeductions: Deduction[];
} & ScoreBadge;

/** A unit below the scope ranked by pass rate, with its lowest-scoring failing accounts. */
export type RankedUnit = SubtreeFigures & { failingAccounts: LatestScoreItem[] };

/** Figures of each open account's latest score in scope (docs/figures.md). */
export type LatestFigures = ResultFigures & {
  /** Latest scores with a confirmed V2 veto (僵尸号, lib/scoring/figures/zombies.ts). */
  zombies: number;
  /** The lowest-scoring vetoed, at-risk and failed-by-score accounts, at most OVERVIEW_LIST_LIMIT each. */
  vetoedAccounts: LatestScoreItem[];
  atRiskAccounts: LatestScoreItem[];
  failedScoreAccounts: LatestScoreItem[];
};

const latestItem = (r: LatestScoreRowDto): LatestScoreItem => ({
  accountId: r.accountId,
  displayName: r.displayName,
  agencyName: r.agencyName,
  platformCode: r.platformCode,
  topDeductions: topDeductions(r),
  ...scoreBadge(r),
});

/** Failing accounts listed per ranked unit. */
const UNIT_FAILING_LIMIT = 3;

export type OverviewDto = {
  asOf: string;
  scopeNames: string[];
  counts: Awaited<ReturnType<typeof countOverview>>;
  /** The V2 window of the edition in force (14 in national-2019) and the day from which an account is nearing it. */
  staleAfterDays: number;
  nearingFromDays: number;
  /** Share of crawled days over the stale window, across the accounts in scope. */
  windowCoverage: number | null;
  staleCount: number;
  nearingCount: number;
  /** The longest-silent accounts first, at most OVERVIEW_LIST_LIMIT. */
  stale: ActivityItem[];
  nearing: ActivityItem[];
  latest: LatestFigures;
  /** The units one level below the scope roots (a root without children: itself), worst pass rate first. */
  ranking: RankedUnit[];
  trend: QuarterPoint[];
};

/** Eight quarters at most: two years. */
const TREND_DAYS = 2 * 365;
const TREND_QUARTERS = 8;

/** The subtrees the overview ranks, with their failing accounts. */
async function rankUnits(
  db: Db,
  scopeRoots: string[],
  staleBefore: Date,
  zombieVetoCode: string,
): Promise<RankedUnit[]> {
  const children = await listActiveChildIds(db, scopeRoots);
  const unitIds = scopeRoots.flatMap((root) => {
    const own = children.filter((c) => c.parentId === root).map((c) => c.id);
    return own.length ? own : [root];
  });
  const stats = await listSubtreeStats(db, unitIds, staleBefore, zombieVetoCode, UNIT_FAILING_LIMIT);
  const failing = new Map(
    (
      await listScoreRows(
        db,
        stats.flatMap((s) => s.failingScoreIds),
      )
    ).map((r) => [r.scoreId, latestItem(r)]),
  );
  const units = stats.map(({ failingScoreIds, ...row }) => ({
    ...subtreeFigures(row),
    failingAccounts: failingScoreIds.flatMap((id) => failing.get(id) ?? []),
  }));
  return rankByPassRate(units);
}

/** Activity overview of the given agency subtrees at `now`; coverage shows whether staleness is backed by crawls. */
export async function getOverview({
  now,
  scopeRoots,
  db = getDb(),
}: {
  now: Date;
  scopeRoots: string[];
  db?: Db;
}): Promise<OverviewDto> {
  const { staleDays, nearingDays } = freshnessThresholds(await getEditionInForce({ db }));
  const coverageFromDay = shanghaiDay(new Date(now.getTime() - (staleDays - 1) * DAY_MS));
  // "Days since the last post" is floored, so ≥ staleDays days means published at or before now − staleDays days.
  const staleBefore = new Date(now.getTime() - staleDays * DAY_MS);
  const nearingBefore = new Date(now.getTime() - nearingDays * DAY_MS);
  const [counts, activity, scopeNames, latest, quarterRows, ranking] = await Promise.all([
    countOverview(db, scopeRoots, new Date(now.getTime() - 60 * DAY_MS)),
    summarizeAccountActivity(db, scopeRoots, {
      coverageFromDay,
      staleBefore,
      nearingBefore,
      windowDays: staleDays,
      limit: OVERVIEW_LIST_LIMIT,
    }),
    listAgencyNames(db, scopeRoots),
    summarizeLatestResults(db, scopeRoots, OVERVIEW_LIST_LIMIT, ZOMBIE_VETO_CODE),
    listQuarterResults(db, scopeRoots, new Date(now.getTime() - TREND_DAYS * DAY_MS)),
    rankUnits(db, scopeRoots, staleBefore, ZOMBIE_VETO_CODE),
  ]);
  const item = (row: AccountActivityRow): ActivityItem => ({
    ...row,
    daysSinceLastPost: row.lastPostAt ? Math.floor((now.getTime() - Date.parse(row.lastPostAt)) / DAY_MS) : null,
    isCoverageComplete: row.coveredDays >= staleDays,
  });
  return {
    asOf: now.toISOString(),
    scopeNames,
    counts,
    latest: {
      ...resultFigures(latest.counts),
      zombies: latest.zombies,
      vetoedAccounts: latest.vetoed.map(latestItem),
      atRiskAccounts: latest.atRisk.map(latestItem),
      failedScoreAccounts: latest.failedScore.map(latestItem),
    },
    ranking,
    trend: toQuarterTrend(quarterRows).slice(-TREND_QUARTERS),
    staleAfterDays: staleDays,
    nearingFromDays: nearingDays,
    windowCoverage: activity.accounts ? activity.coveredDays / (activity.accounts * staleDays) : null,
    staleCount: activity.staleCount,
    nearingCount: activity.nearingCount,
    stale: activity.stale.map(item),
    nearing: activity.nearing.map(item),
  };
}

/**
 * The overview as the page and GET /api/overview serve it: one computation shared by every reader of the same scope
 * for a few seconds (lib/cache/read-cache.ts); `asOf` says when it was computed.
 */
export function getSharedOverview({ scopeRoots }: { scopeRoots: string[] }): Promise<OverviewDto> {
  return readThrough(readKey('overview', scopeRoots), () =>
    getOverview({ now: new Date(), scopeRoots, db: getReadDb() }),
  );
}
