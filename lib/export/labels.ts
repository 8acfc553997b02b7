import { createTranslator, type AbstractIntlMessages } from 'use-intl/core';
import type { Locale } from '@/lib/i18n/config';
import { TIME_ZONE } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import zhCN from '@/lib/i18n/messages/zh-CN.json';
import { platformName } from '@/lib/platforms';
import type {
  ExportAccountRow,
  ExportDocument,
  ExportFinding,
  ExportInsufficientRow,
} from '@/lib/schemas/export-document';

type ExportDeduction = ExportAccountRow['deductions'][number];

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
    iso === null
      ? ''
      : new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(
          new Date(iso),
        );
  const day = (iso: string) => instant(iso).slice(0, 10);
  const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  // Documents name indicators, never their codes (V2 → 内容不更新); an unknown code is printed as stored.
  const indicator = (code: string) => maybe(`findings.indicators.${code.replace('.', '_')}`, code);
  const rule = (ruleId: string) => maybe(`rules.${ruleId.replaceAll('.', '_')}`, ruleId);
  // The same words as the account page: a capped indicator says what its findings add up to and what counted.
  const deduction = (d: ExportDeduction) =>
    d.isCapped
      ? t('figures.cappedDeduction', { raw: d.raw, deducted: d.deducted })
      : t('figures.deduction', { deducted: d.deducted });
  const isZh = locale === 'zh-CN';
  const join = (items: string[]) => items.join(isZh ? '；' : '; ');
  const paren = (text: string) => (isZh ? `（${text}）` : ` (${text})`);
  /** 2026Q4 → 第四季度 (Q4); with the year: 2026年第四季度 (Q4 2026). */
  const quarter = (code: string) => maybe(`exports.doc.quarterNames.${code.slice(5)}`, code);
  const quarterOfYear = (code: string) => doc('quarterOfYear', { year: code.slice(0, 4), quarter: quarter(code) });
  /** A Beijing day (2026-12-04) in the document's form: 2026年12月4日, 4 December 2026. */
  const date = (isoDay: string) =>
    new Intl.DateTimeFormat(isZh ? 'zh-CN' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${isoDay}T00:00:00Z`),
    );
  /** Sentence parts joined and closed: 甲，乙。 / A, b. */
  const sentence = (parts: string[]) => `${parts.filter(Boolean).join(isZh ? '，' : ', ')}${isZh ? '。' : '.'}`;
  const list = (items: string[]) => items.join(isZh ? '、' : ', ');
  return {
    locale,
    t,
    doc,
    instant,
    day,
    percent,
    indicator,
    rule,
    join,
    paren,
    deduction,
    quarter,
    quarterOfYear,
    date,
    sentence,
    list,
    result: (code: string) => maybe(`results.${code}`, code),
    platform: (code: string) => platformName(code, locale),
    findingStatus: (code: string) => maybe(`findings.statuses.${code}`, code),
    informational: doc('informational'),
    title: (d: ExportDocument) => {
      const values = { agency: d.agency.name, year: d.reference.year, quarter: quarter(d.period.code) };
      return d.kind === 'notice' ? doc('noticeTitle', values) : doc('annualTitle', values);
    },
    /** 发文字号, or null before one is issued (and for an empty period). */
    reference: (d: ExportDocument) =>
      d.reference.sequence === null
        ? null
        : doc('reference', { prefix: d.reference.prefix, year: d.reference.year, sequence: d.reference.sequence }),
    /** The period in words: 2026年第三季度 / 2026年. */
    periodName: (d: ExportDocument) =>
      d.kind === 'notice' ? quarterOfYear(d.period.code) : doc('yearName', { year: d.reference.year }),
    vetoReason: (a: ExportAccountRow) => join(a.vetoRules.length ? a.vetoRules.map(rule) : a.vetoCodes.map(indicator)),
    deductions: (a: ExportAccountRow) =>
      join(a.deductions.map((d) => `${indicator(d.code)}${isZh ? '' : ' '}${deduction(d)}`)) +
      (a.isDeductionsInformational && a.deductions.length ? paren(doc('informational')) : ''),
    /** An undecidable indicator with its reason, in the account page's words (account.unknown.reasons). */
    insufficientReason: (r: ExportInsufficientRow['reasons'][number]) => {
      const key = `account.unknown.reasons.${r.reason ?? 'NONE'}`;
      const values = {
        missingDays: '?',
        windowDays: '?',
        commentsNotReadDays: '?',
        confirmHours: '?',
        readThroughAt: '?',
        unreadHours: '?',
        ...Object.fromEntries(
          Object.entries(r.details).filter(
            (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
          ),
        ),
      };
      return `${indicator(r.code)}${paren(tr.has(key) ? t(key, values) : (r.reason ?? ''))}`;
    },
    coverage: (covered: number | null, window: number | null) =>
      covered === null || window === null ? '—' : `${covered}/${window}`,
    rectification: (f: ExportFinding) => {
      const r = f.rectification;
      if (!r) return doc('rect.none');
      const state = r.doneAt
        ? doc(r.isLate ? 'rect.late' : 'rect.done')
        : doc(r.isOverdue ? 'rect.overdue' : 'rect.open');
      return `${state}${paren(`${doc('columns.deadline')}${isZh ? '' : ' '}${date(r.deadline)}`)}`;
    },
  };
}

/** Summary figures as label/value pairs, for the XLSX summary sheet. */
export function summaryMetrics(d: ExportDocument, l: ExportLabels): Array<[string, string | number]> {
  const s = d.summary;
  const m = (key: string) => l.doc(`metrics.${key}`);
  return [
    [m('accountsInspected'), s.accountsInspected],
    [m('scored'), s.scored],
    [m('passed'), s.passed],
    [m('failedScore'), s.failedScore],
    [m('vetoed'), s.vetoed],
    [m('atRisk'), s.atRisk],
    [m('insufficientData'), s.insufficientData],
    [m('passRate'), l.percent(s.passRate)],
    ...s.vetoesByIndicator.map((v): [string, number] => [
      `${l.doc('vetoesByIndicator')} · ${l.indicator(v.code)}`,
      v.count,
    ]),
    [m('zombieAccounts'), s.zombieAccounts],
    ...(d.kind === 'annual' ? [[m('persistentZombieAccounts'), s.persistentZombieAccounts] as [string, number]] : []),
    [m('confirmedFindings'), s.confirmedFindings],
    [m('informationalFindings'), s.informationalFindings],
    [m('pendingReviewFindings'), s.pendingReviewFindings],
    [m('rectTotal'), s.rectifications.total],
    [m('rectOpen'), s.rectifications.open],
    [m('rectOverdue'), s.rectifications.overdue],
    [m('rectDone'), s.rectifications.done],
    [m('rectLate'), s.rectifications.late],
  ];
}
