import { describe, expect, it } from 'vitest';
import { assembleExportDocument, type ExportFindingInput, type ExportScoreInput } from '@/lib/export/assemble-document';
import { exportPeriod } from '@/lib/export/period';
import { exportDocumentSchema } from '@/lib/schemas/export-document';

const NOW = new Date('2026-10-20T02:00:00Z');
const AT = '2026-09-30T02:00:00.000Z';
const period = exportPeriod('notice', '2026Q3');
if (!period) throw new Error('period');

const breakdown = (indicators: Array<[string, string, number]>, reportedScore?: number) => ({
  indicators: indicators.map(([code, status, deducted]) => ({
    code,
    status,
    deducted,
    max: code.startsWith('V') ? 0 : 20,
  })),
  ...(reportedScore === undefined ? {} : { reportedScore }),
});

function score(id: string, fields: Partial<ExportScoreInput>): ExportScoreInput {
  return {
    scoreId: id,
    accountId: `acc-${id}`,
    accountName: `账号${id}`,
    platformCode: 'WEIBO',
    agencyName: '临溪县',
    isClosed: false,
    quarter: '2026Q3',
    inspectionId: 'insp-1',
    monitoringAt: AT,
    editionCode: 'national-2019',
    vetoScore: 59,
    result: 'PASS',
    total: 100,
    breakdown: breakdown([]),
    vetoCodes: [],
    pendingVetoCodes: [],
    coverage: { windowDays: 14, coveredDays: 14 },
    ...fields,
  };
}
function finding(id: string, scoreId: string, fields: Partial<ExportFindingInput>): ExportFindingInput {
  return {
    id,
    scoreId,
    indicatorCode: 'D1',
    ruleId: 'D1.NO_ITEM_WEEK',
    status: 'CONFIRMED',
    points: 5,
    isVeto: false,
    sourceType: 'COVERAGE',
    sourceUrl: null,
    sourcePublishedAt: null,
    excerpt: null,
    matchedText: null,
    rectification: null,
    ...fields,
  };
}

const scores = [
  score('zombie', {
    result: 'FAIL_VETO',
    total: 90,
    vetoCodes: ['V2'],
    breakdown: breakdown(
      [
        ['V2', 'HIT', 0],
        ['D1', 'HIT', 10],
      ],
      59,
    ),
  }),
  score('pass', { total: 95, breakdown: breakdown([['D3', 'HIT', 5]], 95) }),
  score('failed', {
    result: 'FAIL_SCORE',
    total: 55,
    breakdown: breakdown([
      ['D4', 'HIT', 15],
      ['D5', 'HIT', 20],
      ['D3', 'HIT', 10],
    ]),
  }),
  score('gap', {
    result: 'INSUFFICIENT_DATA',
    total: 100,
    coverage: { windowDays: 14, coveredDays: 4 },
    breakdown: breakdown([
      ['V2', 'INSUFFICIENT_DATA', 0],
      ['D1', 'INSUFFICIENT_DATA', 0],
    ]),
  }),
  score('risky', { result: 'AT_RISK', total: 95, pendingVetoCodes: ['V1.3'] }),
];
const findings = [
  finding('f-veto', 'zombie', { indicatorCode: 'V2', ruleId: 'V2.NO_UPDATE', points: 0, isVeto: true }),
  finding('f-d1', 'zombie', { points: 10 }),
  finding('f-d3', 'pass', {
    indicatorCode: 'D3',
    ruleId: 'D3.INSULT',
    sourceType: 'COMMENT',
    excerpt: '你最好永远别来',
    rectification: { deadline: '2026-10-10', doneAt: null },
  }),
  finding('f-d4', 'failed', {
    indicatorCode: 'D4',
    ruleId: 'D4.MOBILE',
    status: 'RECTIFIED',
    rectification: { deadline: '2026-10-10', doneAt: '2026-10-12T03:00:00.000Z' },
  }),
  finding('f-sus', 'risky', {
    indicatorCode: 'V1.3',
    ruleId: 'V1.3.PROHIBITED_TEXT',
    status: 'SUSPECTED',
    isVeto: true,
    points: 0,
  }),
];
const doc = assembleExportDocument({
  kind: 'notice',
  period,
  agency: { id: 'ag', name: '临溪县' },
  issuer: { shortName: '临溪', office: '临溪县人民政府办公室' },
  now: NOW,
  today: '2026-10-20',
  inspections: [],
  scores,
  findings,
});

describe('export document model', () => {
  it('scores a vetoed account by the veto rule and marks its other deductions informational', () => {
    const zombie = doc.accounts.find((a) => a.accountId === 'acc-zombie');
    expect(zombie).toMatchObject({
      result: 'FAIL_VETO',
      isPass: false,
      reportedScore: 59,
      vetoCodes: ['V2'],
      vetoRules: ['V2.NO_UPDATE'],
      isDeductionsInformational: true,
    });
    expect(zombie?.deductions).toEqual([{ code: 'D1', raw: 10, deducted: 10, max: 20, isCapped: false }]);
    expect(doc.findings.find((f) => f.id === 'f-d1')?.isInformational).toBe(true);
    expect(doc.findings.find((f) => f.id === 'f-veto')?.isInformational).toBe(false);
    expect(doc.findings.find((f) => f.id === 'f-d3')?.isInformational).toBe(false);
    expect(doc.accounts.find((a) => a.accountId === 'acc-failed')?.isDeductionsInformational).toBe(false);
    expect(doc.summary.informationalFindings).toBe(1);
  });

  it('lists INSUFFICIENT_DATA accounts separately and never as failures', () => {
    expect(doc.accounts.map((a) => a.accountId)).not.toContain('acc-gap');
    expect(doc.insufficientData).toEqual([
      expect.objectContaining({ accountId: 'acc-gap', coveredDays: 4, windowDays: 14, indicators: ['V2', 'D1'] }),
    ]);
    expect(doc.summary).toMatchObject({
      accountsInspected: 5,
      scored: 4,
      passed: 1,
      failedScore: 1,
      vetoed: 1,
      atRisk: 1,
      insufficientData: 1,
      passRate: 0.25,
    });
  });

  it('counts suspected findings as pending review without listing them', () => {
    expect(doc.findings.map((f) => f.id)).not.toContain('f-sus');
    expect(doc.summary.pendingReviewFindings).toBe(1);
    expect(doc.summary.pendingReviewByIndicator).toEqual([{ code: 'V1.3', count: 1 }]);
  });

  it('flags overdue and late rectifications as of the export day', () => {
    expect(doc.findings.find((f) => f.id === 'f-d3')?.rectification).toMatchObject({ isOverdue: true, isLate: false });
    expect(doc.findings.find((f) => f.id === 'f-d4')?.rectification).toMatchObject({ isOverdue: false, isLate: true });
    expect(doc.summary.rectifications).toEqual({ total: 2, open: 1, overdue: 1, done: 1, late: 1 });
  });

  it('sums vetoes by indicator and finds zombie accounts; the year lists the same zombies as its quarters, marking two or more quarters', () => {
    expect(doc.summary.vetoesByIndicator).toEqual([{ code: 'V2', count: 1 }]);
    expect(doc.zombies.map((z) => z.accountId)).toEqual(['acc-zombie']);
    const year = exportPeriod('annual', '2026');
    if (!year) throw new Error('year');
    const q4 = score('zombie-q4', {
      accountId: 'acc-zombie',
      quarter: '2026Q4',
      result: 'FAIL_VETO',
      vetoCodes: ['V2'],
    });
    const annual = (rows: ExportScoreInput[]) =>
      assembleExportDocument({
        kind: 'annual',
        period: year,
        agency: { id: 'ag', name: '临溪县' },
        issuer: { shortName: '临溪', office: '临溪县人民政府办公室' },
        now: NOW,
        today: '2026-12-31',
        inspections: [],
        scores: rows,
        findings: [],
      });
    // A zombie of one quarter is a zombie of the year too (the Q3 notice says 1, so does the annual report).
    expect(annual(scores).zombies).toEqual([
      expect.objectContaining({ accountId: 'acc-zombie', quarters: ['2026Q3'], isPersistent: false }),
    ]);
    expect(annual(scores).summary).toMatchObject({
      zombieAccounts: doc.summary.zombieAccounts,
      persistentZombieAccounts: 0,
    });
    expect(annual([...scores, q4]).zombies).toEqual([
      expect.objectContaining({ accountId: 'acc-zombie', quarters: ['2026Q3', '2026Q4'], isPersistent: true }),
    ]);
    expect(annual([...scores, q4]).summary).toMatchObject({ zombieAccounts: 1, persistentZombieAccounts: 1 });
    expect(annual([...scores, q4]).quarters.map((q) => [q.quarter, q.accountsInspected, q.passRate])).toEqual([
      ['2026Q1', 0, null],
      ['2026Q2', 0, null],
      ['2026Q3', 5, 0.25],
      ['2026Q4', 1, 0],
    ]);
  });

  it('is a valid document and caps a vetoed score at the edition veto score when the stored breakdown lacks it', () => {
    expect(exportDocumentSchema.safeParse(doc).success).toBe(true);
    const legacy = assembleExportDocument({
      kind: 'notice',
      period,
      agency: { id: 'ag', name: 'x' },
      issuer: { shortName: '临溪', office: '临溪县人民政府办公室' },
      now: NOW,
      today: '2026-10-20',
      inspections: [],
      findings: [],
      scores: [score('old', { result: 'FAIL_VETO', total: 85, vetoCodes: ['V3'], breakdown: [] })],
    });
    expect(legacy.accounts[0]?.reportedScore).toBe(59);
  });
});

describe('capped deductions', () => {
  it('gives what the findings add up to beside what the capped indicator counted', () => {
    const ads = Array.from({ length: 6 }, (_, i) =>
      finding(`ad-${i}`, 'ads', { indicatorCode: 'D3', ruleId: 'D3.ADVERTISEMENT', points: 5 }),
    );
    const dismissed = finding('ad-x', 'ads', {
      indicatorCode: 'D3',
      ruleId: 'D3.ADVERTISEMENT',
      points: 5,
      status: 'DISMISSED',
    });
    const capped = assembleExportDocument({
      kind: 'notice',
      period,
      agency: { id: 'ag', name: 'x' },
      issuer: { shortName: '临溪', office: '临溪县人民政府办公室' },
      now: NOW,
      today: '2026-10-20',
      inspections: [],
      scores: [
        score('ads', {
          total: 75,
          breakdown: breakdown(
            [
              ['D3', 'HIT', 20],
              ['D1', 'HIT', 5],
            ],
            75,
          ),
        }),
      ],
      findings: [...ads, dismissed, finding('d1', 'ads', { points: 5 })],
    });
    expect(capped.accounts[0]?.deductions).toEqual([
      { code: 'D3', raw: 30, deducted: 20, max: 20, isCapped: true },
      { code: 'D1', raw: 5, deducted: 5, max: 20, isCapped: false },
    ]);
  });
});

describe('export periods', () => {
  it('spans Shanghai quarters and years', () => {
    expect(period.from.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(period.to.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(exportPeriod('notice', '2026Q4')?.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(exportPeriod('annual', '2026Q1')).toBeNull();
    expect(exportPeriod('notice', '2026')).toBeNull();
  });
});
