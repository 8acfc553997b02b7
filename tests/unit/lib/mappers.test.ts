import { describe, expect, it } from 'vitest';
import { toQuarterTrend } from '@/lib/query/mappers';

describe('toQuarterTrend', () => {
  it('leaves insufficient data out of the pass rate and orders quarters', () => {
    const trend = toQuarterTrend([
      { quarter: '2026-Q3', result: 'PASS', count: 3 },
      { quarter: '2026-Q2', result: 'PASS', count: 1 },
      { quarter: '2026-Q3', result: 'FAIL_VETO', count: 1 },
      { quarter: '2026-Q3', result: 'INSUFFICIENT_DATA', count: 5 },
    ]);
    expect(trend).toEqual([
      { quarter: '2026-Q2', passRate: 1, scored: 1, vetoed: 0 },
      { quarter: '2026-Q3', passRate: 0.75, scored: 4, vetoed: 1 },
    ]);
  });

  it('gives no pass rate for a quarter with only missing data', () => {
    expect(toQuarterTrend([{ quarter: '2026-Q1', result: 'INSUFFICIENT_DATA', count: 2 }])[0]?.passRate).toBeNull();
  });
});
