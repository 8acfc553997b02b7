import type { ExportDocument } from '@/lib/schemas/export-document';
import type { ExportLabels } from './labels';

export type Cell = string | number;
/**
 * A table every renderer draws the same way; `informational` rows get the 仅供参考 styling. `keep` marks the columns
 * whose cells never break across lines (numbers, scores, days): the renderers size them to fit instead.
 */
export type ExportTable = {
  key: string;
  title: string;
  headers: string[];
  widths: number[];
  keep?: boolean[];
  rows: Array<{ cells: Cell[]; isInformational: boolean }>;
};

/** The keep flags of a table whose columns are listed with `true` for the unbreakable ones. */
const keeps = (...flags: boolean[]) => flags;

const col = (l: ExportLabels, key: string) => l.doc(`columns.${key}`);

export function accountsTable(d: ExportDocument, l: ExportLabels): ExportTable {
  const isAnnual = d.kind === 'annual';
  return {
    key: 'accounts',
    title: l.doc('accountsHeading'),
    headers: [
      col(l, 'index'),
      col(l, 'agency'),
      col(l, 'account'),
      col(l, 'platform'),
      ...(isAnnual ? [col(l, 'quarter')] : []),
      col(l, 'result'),
      col(l, 'reportedScore'),
      col(l, 'total'),
      col(l, 'bonus'),
      col(l, 'vetoReason'),
      col(l, 'pendingVeto'),
      col(l, 'deductions'),
      col(l, 'coverage'),
      col(l, 'note'),
    ],
    widths: [5, 18, 20, 10, ...(isAnnual ? [9] : []), 9, 7, 7, 5, 16, 12, 22, 8, 8],
    keep: keeps(
      true,
      false,
      false,
      true,
      ...(isAnnual ? [true] : []),
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      true,
      false,
    ),
    rows: d.accounts.map((a, i) => ({
      isInformational: a.isDeductionsInformational,
      cells: [
        i + 1,
        a.agencyName,
        a.accountName,
        l.platform(a.platformCode),
        ...(isAnnual ? [l.quarter(a.quarter)] : []),
        l.result(a.result),
        a.reportedScore,
        a.total,
        a.bonus || '',
        l.vetoReason(a),
        l.list(a.pendingVetoCodes.map(l.indicator)),
        l.deductions(a),
        l.coverage(a.coveredDays, a.windowDays),
        a.isDeductionsInformational && a.deductions.length ? l.informational : '',
      ],
    })),
  };
}

export function findingsTable(d: ExportDocument, l: ExportLabels): ExportTable {
  const isAnnual = d.kind === 'annual';
  return {
    key: 'findings',
    title: l.doc('findingsHeading'),
    headers: [
      col(l, 'index'),
      col(l, 'agency'),
      col(l, 'account'),
      ...(isAnnual ? [col(l, 'quarter')] : []),
      col(l, 'problem'),
      col(l, 'status'),
      col(l, 'points'),
      col(l, 'evidence'),
      col(l, 'publishedAt'),
      col(l, 'source'),
      col(l, 'rectification'),
      col(l, 'note'),
    ],
    widths: [5, 16, 16, ...(isAnnual ? [9] : []), 18, 8, 6, 36, 11, 22, 16, 8],
    keep: keeps(true, false, false, ...(isAnnual ? [true] : []), false, true, true, false, true, false, false, false),
    rows: d.findings.map((f, i) => ({
      isInformational: f.isInformational,
      cells: [
        i + 1,
        f.agencyName,
        f.accountName,
        ...(isAnnual ? [l.quarter(f.quarter)] : []),
        `${l.indicator(f.indicatorCode)}${l.locale === 'en' ? ': ' : '：'}${l.rule(f.ruleId)}`,
        l.findingStatus(f.status),
        f.isVeto ? '—' : f.points,
        f.excerpt ?? f.matchedText ?? '',
        f.sourcePublishedAt ? l.day(f.sourcePublishedAt) : '',
        f.sourceUrl ?? '',
        l.rectification(f),
        f.isInformational ? l.informational : '',
      ],
    })),
  };
}

export function insufficientTable(d: ExportDocument, l: ExportLabels): ExportTable {
  return {
    key: 'insufficient',
    title: l.doc('insufficientHeading'),
    headers: [
      col(l, 'index'),
      col(l, 'agency'),
      col(l, 'account'),
      col(l, 'platform'),
      col(l, 'quarter'),
      col(l, 'coverage'),
      col(l, 'indicators'),
    ],
    widths: [5, 18, 20, 10, 9, 8, 50],
    keep: keeps(true, false, false, true, true, true, false),
    rows: d.insufficientData.map((a, i) => ({
      isInformational: false,
      cells: [
        i + 1,
        a.agencyName,
        a.accountName,
        l.platform(a.platformCode),
        l.quarter(a.quarter),
        l.coverage(a.coveredDays, a.windowDays),
        a.reasons.length ? l.join(a.reasons.map(l.insufficientReason)) : a.indicators.map(l.indicator).join(', '),
      ],
    })),
  };
}

export function inspectionsTable(d: ExportDocument, l: ExportLabels): ExportTable {
  return {
    key: 'inspections',
    title: l.doc('inspectionsHeading'),
    headers: [col(l, 'inspection'), col(l, 'monitoringAt'), col(l, 'scope'), col(l, 'edition'), col(l, 'accounts')],
    widths: [28, 14, 26, 30, 8],
    keep: keeps(false, true, false, false, true),
    rows: d.inspections.map((i) => ({
      isInformational: false,
      cells: [
        i.name,
        l.day(i.monitoringAt),
        i.scope === 'SAMPLE' && i.sampleRatio !== null
          ? `${i.scopeAgencyName} · ${Math.round(i.sampleRatio * 100)}%`
          : i.scopeAgencyName,
        i.editionName,
        i.accounts,
      ],
    })),
  };
}

export function quartersTable(d: ExportDocument, l: ExportLabels): ExportTable {
  return {
    key: 'quarters',
    title: l.doc('quartersHeading'),
    headers: [
      col(l, 'quarter'),
      col(l, 'accounts'),
      col(l, 'passed'),
      col(l, 'vetoed'),
      col(l, 'insufficient'),
      col(l, 'passRate'),
    ],
    widths: [10, 10, 10, 10, 10, 10],
    keep: keeps(true, true, true, true, true, true),
    rows: d.quarters.map((q) => ({
      isInformational: false,
      cells: [l.quarter(q.quarter), q.accountsInspected, q.passed, q.vetoed, q.insufficientData, l.percent(q.passRate)],
    })),
  };
}

export function zombiesTable(d: ExportDocument, l: ExportLabels): ExportTable {
  const isAnnual = d.kind === 'annual';
  const yesNo = (b: boolean) => (b ? l.doc('yes') : l.doc('no'));
  return {
    key: 'zombies',
    title: l.doc('zombiesHeading'),
    headers: [
      col(l, 'index'),
      col(l, 'agency'),
      col(l, 'account'),
      col(l, 'platform'),
      col(l, 'quarters'),
      ...(isAnnual ? [col(l, 'persistent')] : []),
      col(l, 'closed'),
    ],
    widths: [5, 22, 24, 12, 20, ...(isAnnual ? [12] : []), 8],
    keep: keeps(true, false, false, true, false, ...(isAnnual ? [true] : []), true),
    rows: d.zombies.map((z, i) => ({
      isInformational: false,
      cells: [
        i + 1,
        z.agencyName,
        z.accountName,
        l.platform(z.platformCode),
        l.list(z.quarters.map(l.quarter)),
        ...(isAnnual ? [yesNo(z.isPersistent)] : []),
        yesNo(z.isClosed),
      ],
    })),
  };
}
