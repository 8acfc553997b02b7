import { z } from 'zod';
import {
  exportDocumentSchema,
  type ExportAccountRow,
  type ExportDocument,
  type ExportFinding,
  type ExportInspection,
  type ExportInsufficientRow,
  type ExportZombie,
} from '@/lib/schemas/export-document';
import type { ExportKind } from '@/lib/schemas/export';
import type { ExportPeriod } from './period';
import { summarize, summarizeQuarters } from './summarize';

/** One account's latest stored score in one quarter of the period. */
export type ExportScoreInput = {
  scoreId: string; accountId: string; accountName: string; platformCode: string; agencyName: string; isClosed: boolean;
  quarter: string; inspectionId: string; monitoringAt: string; editionCode: string; vetoScore: number;
  result: string; total: number; bonus?: number; breakdown: unknown; vetoCodes: string[]; pendingVetoCodes: string[]; coverage: unknown;
};

export type ExportFindingInput = {
  id: string; scoreId: string; indicatorCode: string; ruleId: string; status: string; points: number; isVeto: boolean;
  sourceType: string; sourceUrl: string | null; sourcePublishedAt: string | null; excerpt: string | null; matchedText: string | null;
  rectification: { deadline: string; doneAt: string | null } | null;
};

export type AssembleInput = {
  kind: ExportKind; period: ExportPeriod; agency: { id: string; name: string }; now: Date; today: string;
  inspections: ExportInspection[]; scores: ExportScoreInput[]; findings: ExportFindingInput[];
};

const indicatorSchema = z.object({ code: z.string(), status: z.string(), deducted: z.number(), max: z.number() });
// Stored as {indicators, reportedScore}; tolerate a bare indicator array so older rows still export.
const breakdownSchema = z
  .union([z.object({ indicators: z.array(indicatorSchema), reportedScore: z.number().optional() }), z.array(indicatorSchema).transform((indicators) => ({ indicators, reportedScore: undefined }))])
  .catch({ indicators: [], reportedScore: undefined });
const coverageSchema = z.object({ coveredDays: z.number().int().min(0), windowDays: z.number().int().min(0) }).partial().catch({});

const SEVERITY = ['FAIL_VETO', 'FAIL_SCORE', 'AT_RISK', 'PASS'];
const SCORED = ['PASS', 'FAIL_SCORE', 'FAIL_VETO', 'AT_RISK'] as const;
const isScored = (r: string): r is (typeof SCORED)[number] => (SCORED as readonly string[]).includes(r);

function accountRef(s: ExportScoreInput) {
  return { accountId: s.accountId, accountName: s.accountName, platformCode: s.platformCode, agencyName: s.agencyName, quarter: s.quarter, inspectionId: s.inspectionId, monitoringAt: s.monitoringAt };
}

function toAccountRow(s: ExportScoreInput, result: (typeof SCORED)[number], findings: ExportFindingInput[]): ExportAccountRow {
  const breakdown = breakdownSchema.parse(s.breakdown);
  const coverage = coverageSchema.parse(s.coverage);
  const isVetoed = result === 'FAIL_VETO';
  const vetoRules = findings.filter((f) => f.isVeto && (f.status === 'CONFIRMED' || f.status === 'RECTIFIED')).map((f) => f.ruleId);
  return {
    ...accountRef(s), editionCode: s.editionCode, result, isPass: result === 'PASS', total: s.total, bonus: isVetoed ? 0 : (s.bonus ?? 0),
    reportedScore: breakdown.reportedScore ?? (isVetoed ? Math.min(s.total, s.vetoScore) : s.total),
    vetoCodes: s.vetoCodes, vetoRules: [...new Set(vetoRules)].sort(), pendingVetoCodes: s.pendingVetoCodes,
    deductions: breakdown.indicators.filter((i) => i.deducted > 0).map(({ code, deducted, max }) => ({ code, deducted, max })),
    isDeductionsInformational: isVetoed, coveredDays: coverage.coveredDays ?? null, windowDays: coverage.windowDays ?? null,
  };
}

function toInsufficientRow(s: ExportScoreInput): ExportInsufficientRow {
  const coverage = coverageSchema.parse(s.coverage);
  const indicators = breakdownSchema.parse(s.breakdown).indicators.filter((i) => i.status === 'INSUFFICIENT_DATA').map((i) => i.code);
  return { ...accountRef(s), coveredDays: coverage.coveredDays ?? null, windowDays: coverage.windowDays ?? null, indicators };
}

function toFinding(f: ExportFindingInput & { status: 'CONFIRMED' | 'RECTIFIED' }, s: ExportScoreInput, today: string): ExportFinding {
  const r = f.rectification;
  const doneDay = r?.doneAt ? r.doneAt.slice(0, 10) : null;
  return {
    ...accountRef(s), id: f.id, indicatorCode: f.indicatorCode, ruleId: f.ruleId, status: f.status, points: f.points, isVeto: f.isVeto,
    isInformational: s.result === 'FAIL_VETO' && !f.isVeto,
    sourceType: f.sourceType, sourceUrl: f.sourceUrl, sourcePublishedAt: f.sourcePublishedAt, excerpt: f.excerpt, matchedText: f.matchedText,
    rectification: r ? { deadline: r.deadline, doneAt: r.doneAt, isOverdue: !r.doneAt && r.deadline < today, isLate: doneDay !== null && doneDay > r.deadline } : null,
  };
}

/** Zombie accounts (僵尸号): a confirmed V2 veto in the quarter; for a year, in at least two quarters (indicators.md A4). */
function zombiesOf(kind: ExportKind, scores: ExportScoreInput[]): ExportZombie[] {
  const byAccount = new Map<string, { s: ExportScoreInput; quarters: string[] }>();
  for (const s of scores.filter((x) => x.vetoCodes.includes('V2'))) {
    const entry = byAccount.get(s.accountId) ?? { s, quarters: [] };
    entry.quarters.push(s.quarter);
    byAccount.set(s.accountId, entry);
  }
  const minQuarters = kind === 'annual' ? 2 : 1;
  return [...byAccount.values()]
    .filter((e) => e.quarters.length >= minQuarters)
    .map(({ s, quarters }) => ({ accountId: s.accountId, accountName: s.accountName, platformCode: s.platformCode, agencyName: s.agencyName, quarters: quarters.sort(), isClosed: s.isClosed }))
    .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'zh-CN') || a.accountName.localeCompare(b.accountName, 'zh-CN'));
}

const byRowOrder = (a: ExportAccountRow, b: ExportAccountRow) =>
  a.quarter.localeCompare(b.quarter) || SEVERITY.indexOf(a.result) - SEVERITY.indexOf(b.result) || a.reportedScore - b.reportedScore ||
  a.agencyName.localeCompare(b.agencyName, 'zh-CN') || a.accountName.localeCompare(b.accountName, 'zh-CN');

/**
 * Builds the document model of a quarterly notice or an annual report from stored scores and findings.
 * Suspected findings are only counted (pending review); dismissed ones are ignored.
 */
export function assembleExportDocument(input: AssembleInput): ExportDocument {
  const scoreById = new Map(input.scores.map((s) => [s.scoreId, s]));
  const findingsOf = new Map<string, ExportFindingInput[]>();
  for (const f of input.findings) findingsOf.set(f.scoreId, [...(findingsOf.get(f.scoreId) ?? []), f]);
  const accounts = input.scores.flatMap((s) => (isScored(s.result) ? [toAccountRow(s, s.result, findingsOf.get(s.scoreId) ?? [])] : [])).sort(byRowOrder);
  const insufficientData = input.scores.filter((s) => s.result === 'INSUFFICIENT_DATA').map(toInsufficientRow)
    .sort((a, b) => a.quarter.localeCompare(b.quarter) || a.agencyName.localeCompare(b.agencyName, 'zh-CN') || a.accountName.localeCompare(b.accountName, 'zh-CN'));
  const reported = input.findings.filter((f): f is ExportFindingInput & { status: 'CONFIRMED' | 'RECTIFIED' } => f.status === 'CONFIRMED' || f.status === 'RECTIFIED');
  const findings = reported.flatMap((f) => {
    const s = scoreById.get(f.scoreId);
    return s ? [toFinding(f, s, input.today)] : [];
  }).sort((a, b) => Number(b.isVeto) - Number(a.isVeto) || Number(a.isInformational) - Number(b.isInformational) ||
    a.quarter.localeCompare(b.quarter) || a.agencyName.localeCompare(b.agencyName, 'zh-CN') || a.accountName.localeCompare(b.accountName, 'zh-CN') ||
    a.indicatorCode.localeCompare(b.indicatorCode) || a.id.localeCompare(b.id));
  const suspected = input.findings.filter((f) => f.status === 'SUSPECTED' && scoreById.has(f.scoreId));
  const zombies = zombiesOf(input.kind, input.scores);
  return exportDocumentSchema.parse({
    kind: input.kind,
    period: { code: input.period.code, from: input.period.from.toISOString(), to: input.period.to.toISOString() },
    agency: input.agency,
    generatedAt: input.now.toISOString(),
    reference: { year: input.period.year, sequence: input.kind === 'notice' ? input.period.code.slice(5) : '1' },
    inspections: [...input.inspections].sort((a, b) => a.monitoringAt.localeCompare(b.monitoringAt)),
    summary: summarize({ accounts, insufficientData, findings, suspected, zombies }),
    quarters: summarizeQuarters(input.period.quarters, accounts, insufficientData),
    accounts,
    insufficientData,
    findings,
    zombies,
  });
}
