import type { AnnualFact } from './schema';

export type FactFormat = {
  percent: (ratio: number | null) => string;
  /** A Beijing day from an ISO instant. */
  day: (iso: string) => string;
  indicator: (code: string) => string;
  quarterList: (quarters: string[]) => string;
};

/**
 * The values the sentence of a fact (messages assessment.facts.<kind>) is filled with, so the page and every export
 * word the same fact the same way.
 */
export function annualFactValues(f: AnnualFact, fmt: FactFormat): Record<string, string | number> {
  return {
    quarter: f.quarter ?? '',
    inspection: f.inspectionName ?? '',
    scope: f.scopeAgencyName ?? '',
    account: f.accountName ?? '',
    agency: f.agencyName ?? '',
    indicator: f.indicatorCode ? fmt.indicator(f.indicatorCode) : '',
    deadline: f.day ?? '',
    day: f.at ? fmt.day(f.at) : '',
    quarters: fmt.quarterList(f.quarters ?? []),
    covered: f.covered ?? 0,
    active: f.active ?? 0,
    insufficient: f.insufficient ?? 0,
    passed: f.passed ?? 0,
    scored: f.scored ?? 0,
    ratio: fmt.percent(f.ratio ?? null),
    total: f.total ?? 0,
    late: f.late ?? 0,
    overdue: f.overdue ?? 0,
    open: f.open ?? 0,
    points: f.points,
  };
}
