import { describe, expect, it } from 'vitest';
import { assembleExportDocument, type ExportScoreInput } from '@/lib/export/assemble-document';
import { exportLabels } from '@/lib/export/labels';
import { exportPeriod } from '@/lib/export/period';
import { insufficientTable } from '@/lib/export/tables';

// Exports list accounts with insufficient data apart, each undecidable indicator with its reason (docs/scoring.md).

const period = exportPeriod('notice', '2026Q3');
if (!period) throw new Error('period');
const AT = '2026-09-30T02:00:00.000Z';

function score(id: string, indicators: unknown[]): ExportScoreInput {
  return {
    scoreId: id,
    accountId: `acc-${id}`,
    accountName: `账号${id}`,
    platformCode: 'APP_IOS',
    agencyName: '临溪县',
    isClosed: false,
    quarter: '2026Q3',
    inspectionId: 'insp-1',
    monitoringAt: AT,
    editionCode: 'national-2019',
    vetoScore: 59,
    result: 'INSUFFICIENT_DATA',
    total: 100,
    breakdown: { indicators },
    vetoCodes: [],
    pendingVetoCodes: [],
    coverage: { windowDays: 15, coveredDays: 15 },
  };
}

const doc = assembleExportDocument({
  kind: 'notice',
  period,
  agency: { id: 'ag', name: '临溪县' },
  issuer: { shortName: '临溪', office: '临溪县人民政府办公室' },
  now: new Date('2026-10-20T02:00:00Z'),
  today: '2026-10-20',
  inspections: [],
  findings: [],
  scores: [
    score('delisted', [
      {
        code: 'D7',
        status: 'INSUFFICIENT_DATA',
        deducted: 0,
        max: 15,
        reason: 'LISTING_NOT_FOUND_ONCE',
        reasonDetails: { lookups: 1, confirmHours: 24, firstNotFoundAt: AT },
      },
    ]),
    score('old', [{ code: 'V2', status: 'INSUFFICIENT_DATA', deducted: 0, max: 0 }]),
  ],
});

describe('insufficient-data rows carry the reason', () => {
  it('keeps the reason and its details from the stored breakdown; rows scored before reasons have none', () => {
    const byId = new Map(doc.insufficientData.map((r) => [r.accountId, r]));
    expect(byId.get('acc-delisted')?.reasons).toEqual([
      { code: 'D7', reason: 'LISTING_NOT_FOUND_ONCE', details: { lookups: 1, confirmHours: 24, firstNotFoundAt: AT } },
    ]);
    expect(byId.get('acc-old')?.reasons).toEqual([{ code: 'V2', reason: null, details: {} }]);
  });

  it.each([
    ['zh-CN', '应用商店一次查询未找到，待 24 小时后复查确认', '未记录原因', '移动客户端', '内容不更新'],
    [
      'en',
      'store said “not listed” once; confirmed by a lookup 24 h later',
      'reason not recorded',
      undefined,
      undefined,
    ],
  ] as const)(
    'the table says why, localized (%s), naming indicators instead of codes',
    (locale, delisted, none, d7, v2) => {
      const l = exportLabels(locale);
      const rows = insufficientTable(doc, l).rows.map((r) => String(r.cells.at(-1)));
      expect(rows.some((c) => c.startsWith(d7 ?? l.indicator('D7')) && c.includes(delisted))).toBe(true);
      expect(rows.some((c) => c.startsWith(v2 ?? l.indicator('V2')) && c.includes(none))).toBe(true);
      expect(rows.some((c) => /\b(D7|V2)\b/.test(c))).toBe(false);
    },
  );
});
