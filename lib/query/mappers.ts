export type QuarterPoint = { quarter: string; passRate: number | null; scored: number; vetoed: number };

/** Pass rate per quarter: PASS over all results except INSUFFICIENT_DATA (coverage gaps are not failures). */
export function toQuarterTrend(rows: Array<{ quarter: string; result: string; count: number }>): QuarterPoint[] {
  const byQuarter = new Map<string, { passed: number; scored: number; vetoed: number }>();
  for (const r of rows) {
    const q = byQuarter.get(r.quarter) ?? { passed: 0, scored: 0, vetoed: 0 };
    if (r.result !== 'INSUFFICIENT_DATA') q.scored += r.count;
    if (r.result === 'PASS') q.passed += r.count;
    if (r.result === 'FAIL_VETO') q.vetoed += r.count;
    byQuarter.set(r.quarter, q);
  }
  return [...byQuarter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([quarter, q]) => ({ quarter, passRate: q.scored ? q.passed / q.scored : null, scored: q.scored, vetoed: q.vetoed }));
}
