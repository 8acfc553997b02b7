import type { ExportAccountRow, ExportDocument } from '@/lib/schemas/export-document';
import { assessmentParagraphs, assessmentTables, itemName } from './assessment-tables';
import type { ExportLabels } from './labels';
import {
  accountsTable,
  findingsTable,
  insufficientTable,
  inspectionsTable,
  quartersTable,
  zombiesTable,
  type ExportTable,
} from './tables';

// The official-document layout (GB/T 9704-2012) of a notice or an annual report, as content: every renderer (PDF via
// HTML, DOCX, XLSX) draws this one outline, so the three formats say the same thing in the same order.

/** 一、 headings, （一） sub-headings, body paragraphs; `lead` is an item number (1.) printed before the text. */
export type OutlineBlock = { kind: 'heading1' | 'paragraph'; text: string; lead?: string };
export type OutlineAttachment = { key: string; label: string; title: string; tables: ExportTable[] };
export type DocumentOutline = {
  /** 发文机关标志 (red header). */
  redhead: string;
  /** 发文字号; null for a document not (yet) numbered, e.g. an empty period. */
  number: string | null;
  title: string;
  /** 主送机关. */
  addressee: string;
  body: OutlineBlock[];
  /** 附件说明: the attachments' titles in order. */
  attachmentList: string[];
  /** 落款: the issuing office and the 成文日期 (2026年12月4日). */
  signature: { office: string; date: string };
  attachments: OutlineAttachment[];
};

const FAILING = new Set(['FAIL_VETO', 'FAIL_SCORE', 'AT_RISK']);

function attachmentsOf(d: ExportDocument, l: ExportLabels): Array<Omit<OutlineAttachment, 'label'>> {
  const title = (key: string) => l.doc(`attachments.${key}`);
  const [assessment, facts, ranking] = assessmentTables(d, l);
  const parts: Array<Omit<OutlineAttachment, 'label'>> = [
    ...(assessment && facts ? [{ key: 'assessment', title: title('assessment'), tables: [assessment, facts] }] : []),
    ...(ranking && ranking.rows.length ? [{ key: 'ranking', title: title('ranking'), tables: [ranking] }] : []),
    ...(d.kind === 'annual' ? [{ key: 'quarters', title: title('quarters'), tables: [quartersTable(d, l)] }] : []),
    { key: 'accounts', title: title('accounts'), tables: [accountsTable(d, l)] },
    { key: 'insufficient', title: title('insufficient'), tables: [insufficientTable(d, l)] },
    { key: 'findings', title: title('findings'), tables: [findingsTable(d, l)] },
    { key: 'zombies', title: title('zombies'), tables: [zombiesTable(d, l)] },
    { key: 'inspections', title: title('inspections'), tables: [inspectionsTable(d, l)] },
  ];
  // An attachment without a row is left out: the body says "none" where it matters.
  return parts.filter((a) => a.tables.some((t) => t.rows.length > 0));
}

function accountSentence(a: ExportAccountRow, d: ExportDocument, l: ExportLabels): string {
  const names = { account: a.accountName, platform: l.platform(a.platformCode) };
  const ruleNames = [
    ...new Set(
      d.findings
        .filter((f) => f.accountId === a.accountId && f.quarter === a.quarter && !f.isVeto && !f.isInformational)
        .map((f) => l.rule(f.ruleId)),
    ),
  ];
  const parts =
    a.result === 'FAIL_VETO'
      ? [
          l.doc('accountVetoed', {
            ...names,
            reasons: l.list(a.vetoRules.length ? a.vetoRules.map(l.rule) : a.vetoCodes.map(l.indicator)),
            score: a.reportedScore,
          }),
          a.deductions.length
            ? l.doc('informationalDeductions', {
                deductions: l.list(a.deductions.map((x) => `${l.indicator(x.code)}${l.deduction(x)}`)),
              })
            : '',
        ]
      : a.result === 'FAIL_SCORE'
        ? [
            l.doc('accountFailed', {
              ...names,
              score: a.reportedScore,
              deductions: l.join(a.deductions.map((x) => `${l.indicator(x.code)}${l.deduction(x)}`)),
            }),
            ruleNames.length ? l.doc('problemsFound', { rules: l.list(ruleNames) }) : '',
          ]
        : [l.doc('accountAtRisk', { ...names, pending: l.list(a.pendingVetoCodes.map(l.indicator)) })];
  const text = l.sentence(parts);
  return d.kind === 'annual' ? l.doc('inQuarter', { quarter: l.quarter(a.quarter), text }) : text;
}

function overview(d: ExportDocument, l: ExportLabels, see: (key: string) => string): OutlineBlock[] {
  const s = d.summary;
  const period = l.periodName(d);
  if (d.inspections.length === 0)
    return [{ kind: 'paragraph', text: l.doc('overviewEmpty', { period, agency: d.agency.name }) }];
  const editions = [...new Set(d.inspections.map((i) => i.editionName))].join(l.locale === 'en' ? '”, “' : '》《');
  const days = l.list([...new Set(d.inspections.map((i) => l.date(l.day(i.monitoringAt))))]);
  const lines = [
    l.doc('overviewNotice', {
      period,
      office: d.issuer.office,
      editions,
      agency: d.agency.name,
      count: d.inspections.length,
      days,
    }),
    l.doc('summaryText', {
      inspected: s.accountsInspected,
      scored: s.scored,
      passed: s.passed,
      passRate: l.percent(s.passRate),
      vetoed: s.vetoed,
      failedScore: s.failedScore,
      atRisk: s.atRisk,
    }),
  ];
  if (d.kind === 'annual') {
    lines.push(
      l.doc('quartersText', {
        quarters: l.list(
          d.quarters.map((q) =>
            q.accountsInspected
              ? l.doc('quarterInspected', {
                  quarter: l.quarter(q.quarter),
                  inspected: q.accountsInspected,
                  passRate: l.percent(q.passRate),
                })
              : l.doc('quarterNotInspected', { quarter: l.quarter(q.quarter) }),
          ),
        ),
      }),
    );
  }
  const extra = [
    s.insufficientData
      ? `${l.doc('insufficientText', { count: s.insufficientData }).replace(/[。.]$/, '')}${l.paren(see('insufficient'))}${l.locale === 'en' ? '.' : '。'}`
      : '',
    s.vetoesByIndicator.length
      ? l.doc('vetoesText', {
          items: l.list(
            s.vetoesByIndicator.map((v) => l.doc('countItem', { name: l.indicator(v.code), count: v.count })),
          ),
        })
      : '',
    s.vetoed ? l.doc('vetoNote') : '',
    d.kind === 'annual'
      ? l.doc('zombieTextAnnual', { count: s.zombieAccounts, persistent: s.persistentZombieAccounts })
      : l.doc('zombieText', { count: s.zombieAccounts }),
  ].filter(Boolean);
  lines.push(extra.join(''));
  return [...assessmentParagraphs(d, l), ...lines].map((text) => ({ kind: 'paragraph', text }));
}

function problems(
  d: ExportDocument,
  l: ExportLabels,
  see: (key: string) => string,
  number: (key: string) => string,
): OutlineBlock[] {
  if (d.accounts.length === 0 && d.insufficientData.length === 0)
    return [{ kind: 'paragraph', text: l.doc('problemsEmpty') }];
  const blocks: OutlineBlock[] = [];
  if (d.assessment) {
    const deducted = d.assessment.assessment.items.filter((i) => i.code !== 'A0' && i.deducted > 0);
    blocks.push({
      kind: 'paragraph',
      text: deducted.length
        ? l.doc('assessmentDeductions', {
            items: l.list(
              deducted.map((i) => l.doc('assessmentDeductionItem', { name: itemName(l, i.code), points: i.deducted })),
            ),
            attachment: number('assessment'),
          })
        : l.doc('assessmentNoDeductions', { attachment: number('assessment') }),
    });
  }
  const failing = d.accounts.filter((a) => FAILING.has(a.result));
  const agencies = [...new Set(failing.map((a) => a.agencyName))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  if (failing.length === 0)
    blocks.push({ kind: 'paragraph', text: l.doc('problemsNone', { attachment: number('accounts') }) });
  else {
    blocks.push({
      kind: 'paragraph',
      text: l.doc('problemsIntro', {
        count: new Set(failing.map((a) => a.accountId)).size,
        agencies: agencies.length,
        attachment: number('accounts'),
      }),
    });
    agencies.forEach((agency, i) => {
      const rows = failing.filter((a) => a.agencyName === agency);
      blocks.push({
        kind: 'paragraph',
        lead: `${i + 1}.`,
        text: `${agency}${l.locale === 'en' ? ': ' : '：'}${rows.map((a) => accountSentence(a, d, l)).join(l.locale === 'en' ? ' ' : '')}`,
      });
    });
  }
  if (d.insufficientData.length) {
    blocks.push({
      kind: 'paragraph',
      text: l.doc('insufficientProblems', {
        count: new Set(d.insufficientData.map((a) => a.accountId)).size,
        attachment: number('insufficient'),
      }),
    });
  }
  return blocks;
}

function requirements(
  d: ExportDocument,
  l: ExportLabels,
  number: (key: string) => string,
  today: string,
): OutlineBlock[] {
  const s = d.summary;
  const withFindings = [...new Set(d.findings.filter((f) => !f.isInformational).map((f) => f.agencyName))].sort(
    (a, b) => a.localeCompare(b, 'zh-CN'),
  );
  const items = [
    withFindings.length
      ? l.doc('reqRectify', { agencies: l.list(withFindings), attachment: number('findings'), office: d.issuer.office })
      : l.doc('reqSelfCheck'),
    ...(s.rectifications.total
      ? [
          l.doc('rectState', { date: l.date(today), ...s.rectifications }) +
            (s.rectifications.overdue ? l.doc('reqOverdue') : ''),
        ]
      : []),
    ...(s.zombieAccounts ? [l.doc('reqZombies', { count: s.zombieAccounts })] : []),
    ...(s.pendingReviewFindings ? [l.doc('reqPending', { count: s.pendingReviewFindings })] : []),
    ...(d.insufficientData.length
      ? [l.doc('reqInsufficient', { count: new Set(d.insufficientData.map((a) => a.accountId)).size })]
      : []),
  ];
  return items.map((text, i) => ({ kind: 'paragraph', lead: `${i + 1}.`, text }));
}

/** The notice or annual report as an official document: header, number, title, addressee, body, attachments. */
export function documentOutline(d: ExportDocument, l: ExportLabels): DocumentOutline {
  const attachments = attachmentsOf(d, l).map((a, i) => ({ ...a, label: l.doc('attachmentLabel', { n: i + 1 }) }));
  const number = (key: string) => String(attachments.findIndex((a) => a.key === key) + 1 || '');
  const see = (key: string) => l.doc('seeAttachment', { n: number(key) });
  const sections = (key: string) => l.doc(`sections.${key}`);
  return {
    redhead: l.doc('redhead', { office: d.issuer.office }),
    number: l.reference(d),
    title: l.title(d),
    addressee: l.doc('addressee', { agency: d.agency.name }),
    body: [
      { kind: 'heading1', text: sections('overview') },
      ...overview(d, l, see),
      { kind: 'heading1', text: sections('problems') },
      ...problems(d, l, see, number),
      { kind: 'heading1', text: sections('requirements') },
      ...requirements(d, l, number, d.issuedOn),
    ],
    attachmentList: attachments.map((a) => a.title),
    signature: { office: d.issuer.office, date: l.date(d.issuedOn) },
    attachments,
  };
}
