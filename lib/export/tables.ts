import type { ExportDocument } from '@/lib/schemas/export-document';
import type { ExportLabels } from './labels';

export type Cell = string | number;
/** A table every renderer draws the same way; `informational` rows get the 仅供参考 styling. */
export type ExportTable = { key: string; title: string; headers: string[]; widths: number[]; rows: Array<{ cells: Cell[]; isInformational: boolean }> };

const col = (l: ExportLabels, key: string) => l.doc(`columns.${key}`);

export function accountsTable(d: ExportDocument, l: ExportLabels): ExportTable {
  const isAnnual = d.kind === 'annual';
  return {
    key: 'accounts',
    title: l.doc('accountsHeading'),
    headers: [col(l, 'agency'), col(l, 'account'), col(l, 'platform'), ...(isAnnual ? [col(l, 'quarter')] : []), col(l, 'monitoringAt'), col(l, 'result'),
      col(l, 'reportedScore'), col(l, 'total'), col(l, 'bonus'), col(l, 'vetoReason'), col(l, 'pendingVeto'), col(l, 'deductions'), col(l, 'coverage'), col(l, 'note')],
    widths: [22, 24, 12, ...(isAnnual ? [9] : []), 17, 10, 9, 9, 7, 22, 14, 26, 12, 10],
    rows: d.accounts.map((a) => ({
      isInformational: a.isDeductionsInformational,
      cells: [a.agencyName, a.accountName, l.platform(a.platformCode), ...(isAnnual ? [a.quarter] : []), l.instant(a.monitoringAt), l.result(a.result),
        a.reportedScore, a.total, a.bonus || '', l.vetoReason(a), a.pendingVetoCodes.join(' '), l.deductions(a), l.coverage(a.coveredDays, a.windowDays),
        a.isDeductionsInformational && a.deductions.length ? l.informational : ''],
    })),
  };
}

export function findingsTable(d: ExportDocument, l: ExportLabels): ExportTable {
  return {
    key: 'findings',
    title: l.doc('findingsHeading'),
    headers: [col(l, 'agency'), col(l, 'account'), col(l, 'quarter'), col(l, 'indicator'), col(l, 'rule'), col(l, 'status'), col(l, 'points'),
      col(l, 'evidence'), col(l, 'publishedAt'), col(l, 'source'), col(l, 'rectification'), col(l, 'note')],
    widths: [22, 24, 9, 18, 18, 9, 7, 48, 17, 30, 24, 10],
    rows: d.findings.map((f) => ({
      isInformational: f.isInformational,
      cells: [f.agencyName, f.accountName, f.quarter, l.indicator(f.indicatorCode), l.rule(f.ruleId), l.findingStatus(f.status), f.isVeto ? '—' : f.points,
        f.excerpt ?? f.matchedText ?? '', l.instant(f.sourcePublishedAt), f.sourceUrl ?? '', l.rectification(f), f.isInformational ? l.informational : ''],
    })),
  };
}

export function insufficientTable(d: ExportDocument, l: ExportLabels): ExportTable {
  return {
    key: 'insufficient',
    title: l.doc('insufficientHeading'),
    headers: [col(l, 'agency'), col(l, 'account'), col(l, 'platform'), col(l, 'quarter'), col(l, 'monitoringAt'), col(l, 'coverage'), col(l, 'indicators')],
    widths: [22, 24, 12, 9, 17, 12, 30],
    rows: d.insufficientData.map((a) => ({
      isInformational: false,
      cells: [a.agencyName, a.accountName, l.platform(a.platformCode), a.quarter, l.instant(a.monitoringAt), l.coverage(a.coveredDays, a.windowDays), a.indicators.map(l.indicator).join(', ')],
    })),
  };
}

export function inspectionsTable(d: ExportDocument, l: ExportLabels): ExportTable {
  return {
    key: 'inspections',
    title: l.doc('inspectionsHeading'),
    headers: [col(l, 'inspection'), col(l, 'monitoringAt'), col(l, 'scope'), col(l, 'edition'), col(l, 'accounts')],
    widths: [28, 17, 26, 16, 9],
    rows: d.inspections.map((i) => ({
      isInformational: false,
      cells: [i.name, l.instant(i.monitoringAt), i.scope === 'SAMPLE' && i.sampleRatio !== null ? `${i.scopeAgencyName} · ${Math.round(i.sampleRatio * 100)}%` : i.scopeAgencyName, i.editionCode, i.accounts],
    })),
  };
}

export function quartersTable(d: ExportDocument, l: ExportLabels): ExportTable {
  return {
    key: 'quarters',
    title: l.doc('quartersHeading'),
    headers: [col(l, 'quarter'), col(l, 'accounts'), col(l, 'passed'), col(l, 'vetoed'), col(l, 'insufficient'), col(l, 'passRate')],
    widths: [10, 10, 10, 10, 10, 10],
    rows: d.quarters.map((q) => ({ isInformational: false, cells: [q.quarter, q.accountsInspected, q.passed, q.vetoed, q.insufficientData, l.percent(q.passRate)] })),
  };
}

export function zombiesTable(d: ExportDocument, l: ExportLabels): ExportTable {
  return {
    key: 'zombies',
    title: l.doc('zombiesHeading'),
    headers: [col(l, 'agency'), col(l, 'account'), col(l, 'platform'), col(l, 'quarters'), col(l, 'closed')],
    widths: [22, 24, 12, 20, 8],
    rows: d.zombies.map((z) => ({ isInformational: false, cells: [z.agencyName, z.accountName, l.platform(z.platformCode), z.quarters.join(' '), z.isClosed ? l.doc('yes') : l.doc('no')] })),
  };
}

/** Tables in document order: the annual report adds the quarter-by-quarter figures. */
export function documentTables(d: ExportDocument, l: ExportLabels): ExportTable[] {
  return [
    inspectionsTable(d, l),
    ...(d.kind === 'annual' ? [quartersTable(d, l)] : []),
    accountsTable(d, l),
    insufficientTable(d, l),
    findingsTable(d, l),
    zombiesTable(d, l),
  ];
}
