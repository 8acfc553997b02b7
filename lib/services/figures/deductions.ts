/**
 * Deductions per indicator (pure): what the findings add up to and what the score counted. An indicator never
 * deducts more than its maximum (docs/indicators.md, how a score is computed, step 2), so 30 advertisements of −5 each
 * count −20 for D3; every surface says so ("−150，按上限计 −20") instead of leaving the sum unexplained.
 */

import type { IndicatorFigure } from './score';

export type DeductionFigure = {
  code: string;
  /** Sum of the points of the indicator's findings (dismissed ones excluded, suspected ones included, as scored). */
  raw: number;
  /** What the score counted: raw capped at max. */
  deducted: number;
  max: number;
  /** raw exceeds the indicator's maximum: the deduction is the cap. */
  isCapped: boolean;
};

export type PointsFinding = { indicatorCode: string; points: number; status: string; isVeto: boolean };

/** Per-indicator sums of findings' points, as the scorer sums them (dismissed findings and vetoes excluded). */
export function findingPointsByIndicator(findings: readonly PointsFinding[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const f of findings) {
    if (f.isVeto || f.status === 'DISMISSED') continue;
    sums.set(f.indicatorCode, (sums.get(f.indicatorCode) ?? 0) + f.points);
  }
  return sums;
}

/**
 * Deducting indicators of a score with their raw sums. `rawByIndicator` comes from the score's findings; an
 * indicator without findings there (rows stored before findings were linked) falls back to its deduction.
 */
export function deductionFigures(
  indicators: readonly IndicatorFigure[],
  rawByIndicator: ReadonlyMap<string, number>,
): DeductionFigure[] {
  return indicators
    .filter((i) => i.deducted > 0)
    .map(({ code, deducted, max }) => {
      const raw = Math.max(deducted, rawByIndicator.get(code) ?? deducted);
      return { code, raw, deducted, max, isCapped: raw > deducted };
    });
}
