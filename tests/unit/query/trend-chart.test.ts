import { describe, expect, it } from 'vitest';
import { quarterParts, trendChartData } from '@/lib/query/trend-chart';

describe('trend chart data', () => {
  it('turns pass rates into percentages to one decimal and keeps a quarter without verdicts empty', () => {
    const { data } = trendChartData([
      { quarter: '2026-Q3', passRate: 0.85714, scored: 7, vetoed: 1 },
      { quarter: '2026-Q4', passRate: null, scored: 0, vetoed: 0 },
    ]);
    expect(data.map((d) => d.passPercent)).toEqual([85.7, null]);
  });

  it('gives the vetoed axis headroom, and a scale even with one quarter and no veto', () => {
    expect(trendChartData([{ quarter: '2026-Q4', passRate: 1, scored: 3, vetoed: 0 }]).vetoedMax).toBe(4);
    expect(trendChartData([{ quarter: '2026-Q4', passRate: 0.5, scored: 30, vetoed: 15 }]).vetoedMax).toBe(20);
    const eight = Array.from({ length: 8 }, (_, i) => ({
      quarter: `202${5 + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
      passRate: 0.8,
      scored: 10,
      vetoed: i,
    }));
    expect(trendChartData(eight).data).toHaveLength(8);
    expect(trendChartData(eight).vetoedMax).toBeGreaterThanOrEqual(7);
  });

  it('reads quarter keys and refuses anything else', () => {
    expect(quarterParts('2026-Q4')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterParts('2026-Q5')).toBeNull();
    expect(quarterParts('Q4')).toBeNull();
  });
});
