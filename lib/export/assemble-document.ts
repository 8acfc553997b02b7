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
import { deductionFigures, findingPointsByIndicator } from '@/lib/services/figures/deductions';
import { isScoredResult, type ScoredResult } from '@/lib/scoring/figures/results';
import { readScoreFigures } from '@/lib/services/figures/score';
import { zombieAccounts } from '@/lib/scoring/figures/zombies';
import { summarize, summarizeQuarters } from './summarize';

/** One account's latest stored score in one quarter of the period. */
export type ExportScoreInput = {
  scoreId: string;
  accountId: string;
  accountName: string;
  platformCode: string;
  agencyName: string;
  isClosed: boolean;
  quarter: string;
  inspectionId: string;
  monitoringAt: string;
  editionCode: string;
  vetoScore: number;
  result: string;
  total: number;
  bonus?: number;
  breakdown: unknown;
  vetoCodes: string[];
  pendingVetoCodes: string[];
  coverage: unknown;
};

export type ExportFindingInput = {
  id: string;
  scoreId: string;
  indicatorCode: string;
  ruleId: string;
  status: string;
  points: number;
  isVeto: boolean;
  sourceType: string;
  sourceUrl: string | null;
  sourcePublishedAt: string | null;
  excerpt: string | null;
  matchedText: string | null;
  rectification: { deadline: string; doneAt: string | null } | null;
};

export type AssembleInput = {
  kind: ExportKind;
  period: ExportPeriod;
  agency: { id: string; name: string };
  now: Date;
  today: string;
  /** Short name for the 发文字号 and the office named in the header and signature. */
  issuer: { shortName: string; office: string };
  inspections: ExportInspection[];
  scores: ExportScoreInput[];
  findings: ExportFindingInput[];
};

const SEVERITY = ['FAIL_VETO', 'FAIL_SCORE', 'AT_RISK', 'PASS'];

function accountRef(s: ExportScoreInput) {
  return {
    accountId: s.accountId,
    accountName: s.accountName,
    platformCode: s.platformCode,
    agencyName: s.agencyName,
    quarter: s.quarter,
    inspectionId: s.inspectionId,
    monitoringAt: s.monitoringAt,
  };
}

function toAccountRow(s: ExportScoreInput, result: ScoredResult, findings: ExportFindingInput[]): ExportAccountRow {
  const figures = readScoreFigures(s);
  const vetoRules = findings
    .filter((f) => f.isVeto && (f.status === 'CONFIRMED' || f.status === 'RECTIFIED'))
    .map((f) => f.ruleId);
  return {
    ...accountRef(s),
    editionCode: s.editionCode,
    result,
    isPass: figures.isPass,
    total: figures.total,
    bonus: figures.bonus,
    reportedScore: figures.reportedScore,
    vetoCodes: figures.vetoCodes,
    vetoRules: [...new Set(vetoRules)].sort(),
    pendingVetoCodes: figures.pendingVetoCodes,
    deductions: deductionFigures(figures.indicators, findingPointsByIndicator(findings)),
    isDeductionsInformational: figures.isVetoed,
    coveredDays: figures.coverage.coveredDays,
    windowDays: figures.coverage.windowDays,
  };
}

const plainDetails = (details: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(details ?? {}).filter(
      (e): e is [string, string | number | boolean | null] =>
        e[1] === null || ['string', 'number', 'boolean'].includes(typeof e[1]),
    ),
  );

function toInsufficientRow(s: ExportScoreInput): ExportInsufficientRow {
  const figures = readScoreFigures(s);
  const missing = figures.indicators.filter((i) => i.status === 'INSUFFICIENT_DATA');
  const reasons = missing.map((i) => ({
    code: i.code,
    reason: i.reason ?? null,
    details: plainDetails(i.reasonDetails),
  }));
  return {
    ...accountRef(s),
    coveredDays: figures.coverage.coveredDays,
    windowDays: figures.coverage.windowDays,
    indicators: missing.map((i) => i.code),
    reasons,
  };
}

function toFinding(
  f: ExportFindingInput & { status: 'CONFIRMED' | 'RECTIFIED' },
  s: ExportScoreInput,
  today: string,
): ExportFinding {
  const r = f.rectification;
  const doneDay = r?.doneAt ? r.doneAt.slice(0, 10) : null;
  return {
    ...accountRef(s),
    id: f.id,
    indicatorCode: f.indicatorCode,
    ruleId: f.ruleId,
    status: f.status,
    points: f.points,
    isVeto: f.isVeto,
    isInformational: s.result === 'FAIL_VETO' && !f.isVeto,
    sourceType: f.sourceType,
    sourceUrl: f.sourceUrl,
    sourcePublishedAt: f.sourcePublishedAt,
    excerpt: f.excerpt,
    matchedText: f.matchedText,
    rectification: r
      ? {
          deadline: r.deadline,
          doneAt: r.doneAt,
          isOverdue: !r.doneAt && r.deadline < today,
          isLate: doneDay !== null && doneDay > r.deadline,
        }
      : null,
  };
}

/**
 * Zombie accounts (僵尸号, lib/scoring/figures/zombies.ts): a confirmed V2 veto in a quarter's latest score. The notice
 * and the annual report list the same accounts for the same quarter; the annual report marks those in two or more
 * quarters (the A4 basis).
 */
function zombiesOf(scores: ExportScoreInput[]): ExportZombie[] {
  return zombieAccounts(scores)
    .map(({ latest: s, quarters, isPersistent }) => ({
      accountId: s.accountId,
      accountName: s.accountName,
      platformCode: s.platformCode,
      agencyName: s.agencyName,
      quarters,
      isPersistent,
      isClosed: s.isClosed,
    }))
    .sort(
      (a, b) =>
        a.agencyName.localeCompare(b.agencyName, 'zh-CN') || a.accountName.localeCompare(b.accountName, 'zh-CN'),
    );
}

const byRowOrder = (a: ExportAccountRow, b: ExportAccountRow) =>
  a.quarter.localeCompare(b.quarter) ||
  SEVERITY.indexOf(a.result) - SEVERITY.indexOf(b.result) ||
  a.reportedScore - b.reportedScore ||
  a.agencyName.localeCompare(b.agencyName, 'zh-CN') ||
  a.accountName.localeCompare(b.accountName, 'zh-CN');

/**
 * Builds the document model of a quarterly notice or an annual report from stored scores and findings.
 * Suspected findings are only counted (pending review); dismissed ones are ignored.
 */
export function assembleExportDocument(input: AssembleInput): ExportDocument {
  const scoreById = new Map(input.scores.map((s) => [s.scoreId, s]));
  const findingsOf = new Map<string, ExportFindingInput[]>();
  for (const f of input.findings) findingsOf.set(f.scoreId, [...(findingsOf.get(f.scoreId) ?? []), f]);
  const accounts = input.scores
    .flatMap((s) => (isScoredResult(s.result) ? [toAccountRow(s, s.result, findingsOf.get(s.scoreId) ?? [])] : []))
    .sort(byRowOrder);
  const insufficientData = input.scores
    .filter((s) => s.result === 'INSUFFICIENT_DATA')
    .map(toInsufficientRow)
    .sort(
      (a, b) =>
        a.quarter.localeCompare(b.quarter) ||
        a.agencyName.localeCompare(b.agencyName, 'zh-CN') ||
        a.accountName.localeCompare(b.accountName, 'zh-CN'),
    );
  const reported = input.findings.filter(
    (f): f is ExportFindingInput & { status: 'CONFIRMED' | 'RECTIFIED' } =>
      f.status === 'CONFIRMED' || f.status === 'RECTIFIED',
  );
  const findings = reported
    .flatMap((f) => {
      const s = scoreById.get(f.scoreId);
      return s ? [toFinding(f, s, input.today)] : [];
    })
    .sort(
      (a, b) =>
        Number(b.isVeto) - Number(a.isVeto) ||
        Number(a.isInformational) - Number(b.isInformational) ||
        a.quarter.localeCompare(b.quarter) ||
        a.agencyName.localeCompare(b.agencyName, 'zh-CN') ||
        a.accountName.localeCompare(b.accountName, 'zh-CN') ||
        a.indicatorCode.localeCompare(b.indicatorCode) ||
        a.id.localeCompare(b.id),
    );
  const suspected = input.findings.filter((f) => f.status === 'SUSPECTED' && scoreById.has(f.scoreId));
  const zombies = zombiesOf(input.scores);
  return exportDocumentSchema.parse({
    kind: input.kind,
    period: { code: input.period.code, from: input.period.from.toISOString(), to: input.period.to.toISOString() },
    agency: input.agency,
    generatedAt: input.now.toISOString(),
    // The sequence is issued when the document is exported (lib/services/issue-document-number.ts).
    reference: { prefix: input.issuer.shortName, year: input.period.year, sequence: null },
    issuer: { office: input.issuer.office },
    issuedOn: input.today,
    inspections: [...input.inspections].sort((a, b) => a.monitoringAt.localeCompare(b.monitoringAt)),
    summary: summarize({ accounts, insufficientData, findings, suspected, zombies }),
    quarters: summarizeQuarters(input.period.quarters, accounts, insufficientData),
    accounts,
    insufficientData,
    findings,
    zombies,
  });
}
