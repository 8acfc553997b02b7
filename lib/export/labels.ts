import { createTranslator, type AbstractIntlMessages } from 'use-intl/core';
import type { Locale } from '@/lib/i18n/config';
import { TIME_ZONE } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';
import type { ExportAccountRow, ExportDocument, ExportFinding } from '@/lib/schemas/export-document';

const MESSAGES: Record<Locale, AbstractIntlMessages> = { 'zh-CN': zhCN, en };

export type ExportLabels = ReturnType<typeof exportLabels>;

type LooseTranslator = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };
/** Keys are built from stored codes (results, rules, platforms) at run time, so the typed key union cannot apply. */
const looseTranslator = (locale: Locale): LooseTranslator =>
  createTranslator({ locale, messages: MESSAGES[locale], timeZone: TIME_ZONE }) as unknown as LooseTranslator;

/** Text helpers shared by the XLSX, DOCX and HTML/PDF renderers; all strings come from the i18n messages. */
export function exportLabels(locale: Locale) {
  const tr = looseTranslator(locale);
  const t = (key: string, values?: Record<string, string | number>) => tr(key, values);
  const maybe = (key: string, fallback: string) => (tr.has(key) ? tr(key) : fallback);
  const doc = (key: string, values?: Record<string, string | number>) => t(`exports.doc.${key}`, values);
  const instant = (iso: string | null) =>
    iso === null ? '' : new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const day = (iso: string) => instant(iso).slice(0, 10);
  const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  const indicator = (code: string) => `${code} ${maybe(`findings.indicators.${code.replace('.', '_')}`, '')}`.trim();
  const rule = (ruleId: string) => maybe(`rules.${ruleId.replaceAll('.', '_')}`, ruleId);
  const isZh = locale === 'zh-CN';
  const join = (items: string[]) => items.join(isZh ? '；' : '; ');
  const paren = (text: string) => (isZh ? `（${text}）` : ` (${text})`);
  return {
    locale, t, doc, instant, day, percent, indicator, rule, join, paren,
    result: (code: string) => maybe(`results.${code}`, code),
    platform: (code: string) => maybe(`platforms.${code}`, code),
    findingStatus: (code: string) => maybe(`findings.statuses.${code}`, code),
    informational: doc('informational'),
    title: (d: ExportDocument) => {
      const values = { agency: d.agency.name, year: d.reference.year, quarter: d.period.code.slice(5) };
      return d.kind === 'notice' ? doc('noticeTitle', values) : doc('annualTitle', values);
    },
    reference: (d: ExportDocument) => doc('reference', { agency: d.agency.name, year: d.reference.year, sequence: d.reference.sequence }),
    vetoReason: (a: ExportAccountRow) => join(a.vetoRules.length ? a.vetoRules.map(rule) : a.vetoCodes.map(indicator)),
    deductions: (a: ExportAccountRow) => join(a.deductions.map((d) => `${d.code} −${d.deducted}`)) + (a.isDeductionsInformational && a.deductions.length ? paren(doc('informational')) : ''),
    coverage: (covered: number | null, window: number | null) => (covered === null || window === null ? '—' : `${covered}/${window}`),
    rectification: (f: ExportFinding) => {
      const r = f.rectification;
      if (!r) return doc('rect.none');
      const state = r.doneAt ? doc(r.isLate ? 'rect.late' : 'rect.done') : doc(r.isOverdue ? 'rect.overdue' : 'rect.open');
      return `${state}${paren(`${doc('columns.deadline')} ${r.deadline}`)}`;
    },
  };
}

/** Summary paragraphs of the notice, in reading order (shared by DOCX and HTML). */
export function summaryParagraphs(d: ExportDocument, l: ExportLabels): string[] {
  const s = d.summary;
  const lines = [
    l.doc('summaryText', { inspected: s.accountsInspected, scored: s.scored, passed: s.passed, passRate: l.percent(s.passRate), vetoed: s.vetoed, failedScore: s.failedScore, atRisk: s.atRisk }),
  ];
  if (s.insufficientData) lines.push(l.doc('insufficientText', { count: s.insufficientData }));
  if (s.vetoed) lines.push(l.doc('vetoNote'));
  if (s.vetoesByIndicator.length) lines.push(`${l.doc('vetoesByIndicator')}${l.locale === 'en' ? ': ' : '：'}${l.join(s.vetoesByIndicator.map((v) => `${l.indicator(v.code)} ${v.count}`))}`);
  lines.push(l.doc('zombieText', { count: s.zombieAccounts }));
  if (s.pendingReviewFindings) lines.push(l.doc('pendingText', { count: s.pendingReviewFindings }));
  lines.push(l.doc('rectText', { ...s.rectifications }));
  return lines;
}

/** Summary figures as label/value pairs, for the XLSX summary sheet. */
export function summaryMetrics(d: ExportDocument, l: ExportLabels): Array<[string, string | number]> {
  const s = d.summary;
  const m = (key: string) => l.doc(`metrics.${key}`);
  return [
    [m('accountsInspected'), s.accountsInspected], [m('scored'), s.scored], [m('passed'), s.passed], [m('failedScore'), s.failedScore],
    [m('vetoed'), s.vetoed], [m('atRisk'), s.atRisk], [m('insufficientData'), s.insufficientData], [m('passRate'), l.percent(s.passRate)],
    ...s.vetoesByIndicator.map((v): [string, number] => [`${l.doc('vetoesByIndicator')} · ${l.indicator(v.code)}`, v.count]),
    [m('zombieAccounts'), s.zombieAccounts], [m('confirmedFindings'), s.confirmedFindings], [m('informationalFindings'), s.informationalFindings],
    [m('pendingReviewFindings'), s.pendingReviewFindings], [m('rectTotal'), s.rectifications.total], [m('rectOpen'), s.rectifications.open],
    [m('rectOverdue'), s.rectifications.overdue], [m('rectDone'), s.rectifications.done], [m('rectLate'), s.rectifications.late],
  ];
}
