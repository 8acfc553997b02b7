/**
 * Result figures (pure): how the results of a set of scores add up. Every surface that shows a pass rate or a
 * veto count — overview, agency pages, exports, API — builds it here (docs/figures.md).
 */

/** Results that are a verdict. INSUFFICIENT_DATA is none: neither a pass nor a failure, outside the pass rate. */
export const SCORED_RESULTS = ['PASS', 'FAIL_SCORE', 'FAIL_VETO', 'AT_RISK'] as const;
export type ScoredResult = (typeof SCORED_RESULTS)[number];
export const isScoredResult = (result: string): result is ScoredResult =>
  (SCORED_RESULTS as readonly string[]).includes(result);

export type ResultFigures = {
  /** Results with a verdict (PASS, FAIL_SCORE, FAIL_VETO, AT_RISK). */
  scored: number;
  passed: number;
  failedScore: number;
  vetoed: number;
  /** A suspected veto pending review: a verdict that is not a pass. */
  atRisk: number;
  insufficientData: number;
  /** passed / scored; null when nothing was scored. */
  passRate: number | null;
};

/** The pass rate: PASS over the results with a verdict (AT_RISK counts as not passed; INSUFFICIENT_DATA not at all). */
export const passRate = (passed: number, scored: number): number | null => (scored > 0 ? passed / scored : null);

/** Figures from a count per result code (as SQL GROUP BY result returns them). */
export function resultFigures(counts: Readonly<Record<string, number | undefined>>): ResultFigures {
  const of = (result: string) => counts[result] ?? 0;
  const scored = SCORED_RESULTS.reduce((n, r) => n + of(r), 0);
  return {
    scored,
    passed: of('PASS'),
    failedScore: of('FAIL_SCORE'),
    vetoed: of('FAIL_VETO'),
    atRisk: of('AT_RISK'),
    insufficientData: of('INSUFFICIENT_DATA'),
    passRate: passRate(of('PASS'), scored),
  };
}

/** Figures from one result per score. */
export function countResults(results: readonly string[]): ResultFigures {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r] = (counts[r] ?? 0) + 1;
  return resultFigures(counts);
}
