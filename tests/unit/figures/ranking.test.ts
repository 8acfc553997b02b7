import { describe, expect, it } from 'vitest';
import { rankByPassRate, subtreeFigures, topDeductions, topIndicators } from '@/lib/services/figures/ranking';

const row = (name: string, resultCounts: Record<string, number>, findingCounts: Record<string, number> = {}) => ({
  agencyId: name,
  name,
  level: 'CITY',
  accounts: 10,
  staleAccounts: 0,
  zombies: 0,
  resultCounts,
  findingCounts,
});

describe('agency ranking figures', () => {
  it('counts failing as every verdict that is not a pass, leaves insufficient data out, and sums standing findings', () => {
    const f = subtreeFigures(
      row(
        '青山市',
        { PASS: 6, FAIL_SCORE: 1, FAIL_VETO: 2, AT_RISK: 1, INSUFFICIENT_DATA: 3 },
        { D5: 4, V2: 2, D10: 4 },
      ),
    );
    expect(f.results.passRate).toBeCloseTo(0.6);
    expect(f.failing).toBe(4);
    expect(f.findings).toBe(10);
    // Most first; a tie goes to catalogue order (D5 before D10, not by string).
    expect(f.topIndicators).toEqual([
      { code: 'D5', count: 4 },
      { code: 'D10', count: 4 },
      { code: 'V2', count: 2 },
    ]);
  });

  it('ranks the lowest pass rate first, then the most failing, and subtrees without a verdict last', () => {
    const rows = [
      subtreeFigures(row('甲', { PASS: 9, FAIL_SCORE: 1 })),
      subtreeFigures(row('乙', {})),
      subtreeFigures(row('丙', { PASS: 1, FAIL_VETO: 1 })),
      subtreeFigures(row('丁', { PASS: 2, FAIL_VETO: 2 })),
      subtreeFigures(row('戊', { INSUFFICIENT_DATA: 4 })),
    ];
    const ranked = rankByPassRate(rows);
    expect(ranked.slice(0, 3).map((r) => r.name)).toEqual(['丁', '丙', '甲']);
    expect(ranked.slice(3).map((r) => r.results.passRate)).toEqual([null, null]);
  });

  it('keeps at most three indicators and ignores zero counts', () => {
    expect(topIndicators({ D1: 1, D2: 0, D3: 5, D4: 2, D5: 3 })).toEqual([
      { code: 'D3', count: 5 },
      { code: 'D5', count: 3 },
      { code: 'D4', count: 2 },
    ]);
  });

  it('names the largest deductions of a score, as stored', () => {
    const score = {
      result: 'FAIL_SCORE',
      total: 55,
      bonus: 0,
      vetoCodes: [],
      pendingVetoCodes: [],
      breakdown: {
        indicators: [
          { code: 'D1', status: 'HIT', deducted: 10, max: 10 },
          { code: 'D5', status: 'HIT', deducted: 20, max: 20 },
          { code: 'D3', status: 'HIT', deducted: 15, max: 20 },
          { code: 'D2', status: 'CLEAR', deducted: 0, max: 20 },
        ],
      },
    };
    expect(topDeductions(score)).toEqual([
      { code: 'D5', deducted: 20 },
      { code: 'D3', deducted: 15 },
    ]);
    expect(topDeductions({ ...score, breakdown: 'not a breakdown' })).toEqual([]);
  });
});
