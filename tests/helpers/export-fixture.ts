import { assembleExportDocument, type ExportFindingInput, type ExportScoreInput } from '@/lib/export/assemble-document';
import { exportPeriod } from '@/lib/export/period';
import type { ExportDocument } from '@/lib/schemas/export-document';

// A small quarter of a county, stored-score shaped, for the layout tests of the notice and the annual report.

const AT = '2026-12-01T02:00:00.000Z';
export const FIXTURE_ISSUER = { shortName: '临溪', office: '临溪县人民政府办公室' };

const breakdown = (indicators: Array<[string, string, number]>, reportedScore?: number) => ({
  indicators: indicators.map(([code, status, deducted]) => ({
    code,
    status,
    deducted,
    max: code.startsWith('V') ? 0 : 20,
  })),
  ...(reportedScore === undefined ? {} : { reportedScore }),
});

function score(id: string, agencyName: string, fields: Partial<ExportScoreInput>): ExportScoreInput {
  return {
    scoreId: id,
    accountId: `acc-${id}`,
    accountName: `临溪${id}`,
    platformCode: 'WEIBO',
    agencyName,
    isClosed: false,
    quarter: '2026Q4',
    inspectionId: 'insp-1',
    monitoringAt: AT,
    editionCode: 'national-2019',
    vetoScore: 59,
    result: 'PASS',
    total: 100,
    breakdown: breakdown([]),
    vetoCodes: [],
    pendingVetoCodes: [],
    coverage: { windowDays: 15, coveredDays: 15 },
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

export const FIXTURE_SCORES = [
  score('教育', '临溪县教育局', {
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
  score('发布', '临溪县人民政府办公室', { total: 95, breakdown: breakdown([['D3', 'HIT', 5]], 95) }),
  score('文旅', '临溪县文化和旅游局', {
    result: 'FAIL_SCORE',
    total: 55,
    platformCode: 'WECHAT',
    breakdown: breakdown([
      ['D4', 'HIT', 15],
      ['D3', 'HIT', 20],
      ['D1', 'HIT', 10],
    ]),
  }),
  score('卫健', '临溪县卫生健康局', {
    result: 'INSUFFICIENT_DATA',
    total: 100,
    coverage: { windowDays: 15, coveredDays: 4 },
    breakdown: breakdown([['V2', 'INSUFFICIENT_DATA', 0]]),
  }),
  score('公安', '临溪县公安局', { result: 'AT_RISK', total: 95, pendingVetoCodes: ['V1.3'] }),
];
export const FIXTURE_FINDINGS = [
  finding('f-veto', '教育', { indicatorCode: 'V2', ruleId: 'V2.NO_UPDATE', points: 0, isVeto: true }),
  finding('f-d1', '教育', { points: 10 }),
  finding('f-d3', '文旅', {
    indicatorCode: 'D3',
    ruleId: 'D3.INSULT',
    sourceType: 'COMMENT',
    excerpt: '你最好永远别来，有你不多无你不少',
    points: 10,
    sourceUrl: 'https://weibo.com/1234567890/NxYzAbCdEf?from=page_100606_profile&wvr=6&mod=weibotime',
    sourcePublishedAt: '2026-11-28T03:00:00.000Z',
    rectification: { deadline: '2026-12-20', doneAt: null },
  }),
  finding('f-d3b', '文旅', {
    indicatorCode: 'D3',
    ruleId: 'D3.ADVERTISEMENT',
    sourceType: 'POST',
    excerpt: '限时优惠，点击链接购买特产礼盒',
    points: 15,
  }),
  finding('f-d4', '文旅', {
    indicatorCode: 'D4',
    ruleId: 'D4.MOBILE',
    status: 'RECTIFIED',
    points: 15,
    excerpt: '联系人王某，电话 138****5678',
    rectification: { deadline: '2026-11-10', doneAt: '2026-11-12T03:00:00.000Z' },
  }),
  finding('f-sus', '公安', {
    indicatorCode: 'V1.3',
    ruleId: 'V1.3.PROHIBITED_TEXT',
    status: 'SUSPECTED',
    isVeto: true,
    points: 0,
  }),
];
export const FIXTURE_INSPECTION = {
  id: 'insp-1',
  name: '第四季度全县检查',
  monitoringAt: AT,
  scopeAgencyName: '临溪县',
  scope: 'TREE' as const,
  sampleRatio: null,
  editionCode: 'national-2019',
  editionName: '政府网站与政务新媒体检查指标（2019）',
  accounts: 5,
};

/** The fixture's Q4 notice, or, with kind 'annual', its year. */
export function fixtureDocument(
  kind: 'notice' | 'annual' = 'notice',
  overrides: { scores?: ExportScoreInput[]; sequence?: number | null } = {},
): ExportDocument {
  const period = exportPeriod(kind, kind === 'notice' ? '2026Q4' : '2026');
  if (!period) throw new Error('period');
  const scores = overrides.scores ?? FIXTURE_SCORES;
  const doc = assembleExportDocument({
    kind,
    period,
    agency: { id: 'ag', name: '临溪县' },
    issuer: FIXTURE_ISSUER,
    now: new Date('2026-12-04T02:00:00Z'),
    today: '2026-12-04',
    inspections: scores.length ? [FIXTURE_INSPECTION] : [],
    scores,
    findings: scores.length ? FIXTURE_FINDINGS : [],
  });
  const sequence = overrides.sequence === undefined ? 3 : overrides.sequence;
  return { ...doc, reference: { ...doc.reference, sequence: scores.length ? sequence : null } };
}
