import type { QuarterPoint } from './mappers';

export type TrendDatum = QuarterPoint & { passPercent: number | null };

/** The chart's rows (pass rate in percent to one decimal) and the vetoed axis's top: never 0, a little headroom. */
export function trendChartData(points: readonly QuarterPoint[]): { data: TrendDatum[]; vetoedMax: number } {
  const data = points.map((p) => ({
    ...p,
    passPercent: p.passRate === null ? null : Math.round(p.passRate * 1000) / 10,
  }));
  const most = Math.max(0, ...points.map((p) => p.vetoed));
  return { data, vetoedMax: Math.max(4, Math.ceil((most * 1.25) / 2) * 2) };
}

/** "2026-Q3" → { year: 2026, quarter: 3 } (the keys listQuarterResults groups by, Asia/Shanghai quarters). */
export function quarterParts(key: string): { year: number; quarter: number } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}
