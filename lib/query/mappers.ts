import { resultFigures } from '@/lib/scoring/figures/results';

export type QuarterPoint = { quarter: string; passRate: number | null; scored: number; vetoed: number };

/** Pass rate per quarter, by the one definition (lib/scoring/figures/results.ts): INSUFFICIENT_DATA is left out. */
export function toQuarterTrend(rows: Array<{ quarter: string; result: string; count: number }>): QuarterPoint[] {
  const byQuarter = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const counts = byQuarter.get(r.quarter) ?? {};
    counts[r.result] = (counts[r.result] ?? 0) + r.count;
    byQuarter.set(r.quarter, counts);
  }
  return [...byQuarter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, counts]) => {
      const f = resultFigures(counts);
      return { quarter, passRate: f.passRate, scored: f.scored, vetoed: f.vetoed };
    });
}
