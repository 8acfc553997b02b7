import type { SubtreeStatsDto } from '@/lib/data/agency-scorecard';
import { resultFigures, type ResultFigures } from '@/lib/scoring/figures/results';
import { readScoreFigures, type StoredScore } from './score';

/**
 * Figures of a subtree of agencies (pure): the overview ranks the units below the user's scope by them and an agency
 * page lists its children with them, so both say the same (docs/figures.md "Agency ranking").
 */

export type IndicatorCount = { code: string; count: number };

/** The indicators with the most standing findings, most first; ties in catalogue order of the code. */
export function topIndicators(counts: Readonly<Record<string, number>>, limit = 3): IndicatorCount[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code, 'en', { numeric: true }))
    .slice(0, limit);
}

export type SubtreeFigures = {
  agencyId: string;
  name: string;
  level: string;
  accounts: number;
  staleAccounts: number;
  zombies: number;
  results: ResultFigures;
  /** Latest scores with a verdict that is not a pass: FAIL_SCORE + FAIL_VETO + AT_RISK. */
  failing: number;
  /** Standing (not dismissed) findings of the latest scores. */
  findings: number;
  topIndicators: IndicatorCount[];
};

export function subtreeFigures(row: Omit<SubtreeStatsDto, 'failingScoreIds'>): SubtreeFigures {
  const results = resultFigures(row.resultCounts);
  return {
    agencyId: row.agencyId,
    name: row.name,
    level: row.level,
    accounts: row.accounts,
    staleAccounts: row.staleAccounts,
    zombies: row.zombies,
    results,
    failing: results.scored - results.passed,
    findings: Object.values(row.findingCounts).reduce((n, c) => n + c, 0),
    topIndicators: topIndicators(row.findingCounts),
  };
}

/** Worst first: the lowest pass rate, then the most failing accounts; subtrees without a verdict last. */
export function rankByPassRate<T extends Pick<SubtreeFigures, 'results' | 'failing' | 'name'>>(
  rows: readonly T[],
): T[] {
  return [...rows].sort((a, b) => {
    const ra = a.results.passRate;
    const rb = b.results.passRate;
    if (ra === null || rb === null) return ra === rb ? a.name.localeCompare(b.name, 'zh') : ra === null ? 1 : -1;
    return ra - rb || b.failing - a.failing || a.name.localeCompare(b.name, 'zh');
  });
}

export type Deduction = { code: string; deducted: number };

/** Why a score is low: its deducting indicators, the largest first (vetoes are named apart, in vetoCodes). */
export function topDeductions(score: StoredScore, limit = 2): Deduction[] {
  return readScoreFigures(score)
    .indicators.filter((i) => i.deducted > 0)
    .map((i) => ({ code: i.code, deducted: i.deducted }))
    .sort((a, b) => b.deducted - a.deducted || a.code.localeCompare(b.code, 'en', { numeric: true }))
    .slice(0, limit);
}
