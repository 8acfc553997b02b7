import { describe, expect, it } from 'vitest';
import { deductionFigures, findingPointsByIndicator } from '@/lib/services/figures/deductions';
import { countResults, resultFigures } from '@/lib/scoring/figures/results';
import { readScoreFigures } from '@/lib/services/figures/score';
import { zombieAccounts } from '@/lib/scoring/figures/zombies';

const stored = (fields: Partial<Parameters<typeof readScoreFigures>[0]>) => ({
  result: 'PASS',
  total: 100,
  bonus: 0,
  breakdown: { indicators: [] },
  vetoCodes: [],
  pendingVetoCodes: [],
  coverage: {},
  vetoScore: 59,
  ...fields,
});

describe('readScoreFigures', () => {
  it('reports a vetoed score as stored by the scorer, never its computed total, and no bonus', () => {
    const f = readScoreFigures(
      stored({
        result: 'FAIL_VETO',
        total: 95,
        bonus: 2,
        vetoCodes: ['V2'],
        breakdown: { indicators: [], reportedScore: 59 },
      }),
    );
    expect(f).toMatchObject({
      reportedScore: 59,
      total: 95,
      bonus: 0,
      isVetoed: true,
      isZombie: true,
      isScored: true,
      isPass: false,
    });
  });

  it('recomputes the reported score for rows stored without it: capped when vetoed, total + bonus otherwise', () => {
    expect(
      readScoreFigures(stored({ result: 'FAIL_VETO', total: 95, vetoCodes: ['V3'], breakdown: [] })).reportedScore,
    ).toBe(59);
    expect(
      readScoreFigures(stored({ result: 'FAIL_VETO', total: 95, vetoCodes: ['V3'], breakdown: [], vetoScore: 40 }))
        .reportedScore,
    ).toBe(40);
    expect(readScoreFigures(stored({ total: 90, bonus: 2, breakdown: [] })).reportedScore).toBe(92);
  });

  it('reads coverage and keeps indicator reasons; an INSUFFICIENT_DATA score is no verdict', () => {
    const f = readScoreFigures(
      stored({
        result: 'INSUFFICIENT_DATA',
        coverage: { windowDays: 15, coveredDays: 4 },
        breakdown: {
          indicators: [
            {
              code: 'V2',
              status: 'INSUFFICIENT_DATA',
              deducted: 0,
              max: 0,
              reason: 'DAYS_NOT_CRAWLED',
              reasonDetails: { missingDays: 11 },
            },
          ],
        },
      }),
    );
    expect(f.coverage).toEqual({ coveredDays: 4, windowDays: 15 });
    expect(f.indicators[0]).toMatchObject({ reason: 'DAYS_NOT_CRAWLED', reasonDetails: { missingDays: 11 } });
    expect(f.isScored).toBe(false);
  });
});

describe('result figures', () => {
  it('takes the pass rate over verdicts only: AT_RISK is not a pass, INSUFFICIENT_DATA is left out', () => {
    expect(countResults(['PASS', 'PASS', 'AT_RISK', 'FAIL_VETO', 'INSUFFICIENT_DATA'])).toEqual({
      scored: 4,
      passed: 2,
      failedScore: 0,
      vetoed: 1,
      atRisk: 1,
      insufficientData: 1,
      passRate: 0.5,
    });
    expect(resultFigures({ INSUFFICIENT_DATA: 3 }).passRate).toBeNull();
  });
});

describe('zombie accounts', () => {
  it('lists each account with a confirmed V2 veto once, with its quarters', () => {
    const z = zombieAccounts([
      { accountId: 'a', quarter: '2026Q4', vetoCodes: ['V2'] },
      { accountId: 'a', quarter: '2026Q3', vetoCodes: ['V1.3', 'V2'] },
      { accountId: 'b', quarter: '2026Q4', vetoCodes: ['V3'] },
      { accountId: 'c', quarter: '2026Q4', vetoCodes: ['V2'] },
    ]);
    expect(z.map((x) => [x.latest.accountId, x.latest.quarter, x.quarters, x.isPersistent])).toEqual([
      ['a', '2026Q4', ['2026Q3', '2026Q4'], true],
      ['c', '2026Q4', ['2026Q4'], false],
    ]);
  });
});

describe('deduction figures', () => {
  it("shows the findings' sum beside a capped deduction", () => {
    const findings = [
      ...Array.from({ length: 30 }, () => ({ indicatorCode: 'D3', points: 5, status: 'SUSPECTED', isVeto: false })),
      { indicatorCode: 'D3', points: 5, status: 'DISMISSED', isVeto: false },
      { indicatorCode: 'V2', points: 0, status: 'CONFIRMED', isVeto: true },
      { indicatorCode: 'D1', points: 5, status: 'CONFIRMED', isVeto: false },
    ];
    const indicators = [
      { code: 'V2', status: 'HIT', deducted: 0, max: 0 },
      { code: 'D3', status: 'HIT', deducted: 20, max: 20 },
      { code: 'D1', status: 'HIT', deducted: 5, max: 10 },
      { code: 'D4', status: 'CLEAR', deducted: 0, max: 15 },
    ];
    expect(deductionFigures(indicators, findingPointsByIndicator(findings))).toEqual([
      { code: 'D3', raw: 150, deducted: 20, max: 20, isCapped: true },
      { code: 'D1', raw: 5, deducted: 5, max: 10, isCapped: false },
    ]);
    // Without the findings (older rows) the deduction is all that is known.
    expect(deductionFigures(indicators, new Map())[0]).toMatchObject({ raw: 20, isCapped: false });
  });
});
