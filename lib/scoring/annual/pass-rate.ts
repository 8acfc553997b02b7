import { itemOf, type AnnualContext, type ScoreWithInspection } from './context';
import { countResults } from '../figures/results';
import type { AnnualFact, AnnualItem } from './schema';

/** Passed and scored among latest-per-quarter scores, by the one pass-rate definition (lib/scoring/figures/results.ts). */
export function passFigures(scores: ScoreWithInspection[]) {
  const f = countResults(scores.map((s) => s.result));
  return { passed: f.passed, scored: f.scored, insufficient: scores.length - f.scored, ratio: f.passRate };
}

/**
 * A5 合格率: the pass rate of the tree's accounts over the year (each account's latest score per quarter, as the
 * annual report counts them): below 90% −below90Points, below 80% −below80Points. With no verdict at all the rate is
 * unknown: INSUFFICIENT_DATA once a quarter has ended, never a clean 100%.
 */
export function assessPassRate(ctx: AnnualContext): AnnualItem {
  const { rules } = ctx;
  const year = passFigures(ctx.latestPerQuarter);
  const quarters: AnnualFact[] = ctx.quarters.flatMap((q) => {
    const f = passFigures(ctx.latestPerQuarter.filter((s) => s.quarter === q.code));
    return f.scored + f.insufficient === 0
      ? []
      : [
          {
            kind: 'QUARTER_PASS_RATE' as const,
            quarter: q.code,
            points: 0,
            passed: f.passed,
            scored: f.scored,
            insufficient: f.insufficient,
            ...(f.ratio === null ? {} : { ratio: f.ratio }),
          },
        ];
  });
  const anyQuarterOver = ctx.quarters.some((q) => ctx.now >= q.end);
  if (year.ratio === null) {
    const fact: AnnualFact = {
      kind: 'NO_SCORED_RESULTS',
      points: 0,
      passed: 0,
      scored: 0,
      insufficient: year.insufficient,
    };
    return itemOf('A5', rules.A5.max, [fact, ...quarters], {
      isDue: anyQuarterOver,
      insufficient: anyQuarterOver ? 'NO_SCORED_RESULTS' : null,
    });
  }
  const points = year.ratio < 0.8 ? rules.A5.below80Points : year.ratio < 0.9 ? rules.A5.below90Points : 0;
  const fact: AnnualFact = {
    kind: 'PASS_RATE',
    points,
    passed: year.passed,
    scored: year.scored,
    insufficient: year.insufficient,
    ratio: year.ratio,
  };
  return itemOf('A5', rules.A5.max, [fact, ...quarters], { isDue: true });
}
