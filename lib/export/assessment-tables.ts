import { annualFactValues, type AnnualFact } from '@/lib/scoring/annual';
import type { ExportDocument } from '@/lib/schemas/export-document';
import type { ExportLabels } from './labels';
import type { ExportTable } from './tables';

const col = (l: ExportLabels, key: string) => l.doc(`columns.${key}`);
/** An assessment item by its name (常态化监管), never its code. */
export const itemName = (l: ExportLabels, code: string) => l.t(`assessment.items.${code}`);
const item = itemName;

/** The sentence of one fact, worded as on the assessment page. */
export function factSentence(f: AnnualFact, l: ExportLabels): string {
  // Quarter codes (2026Q3) read as words in a document (2026年第三季度).
  return l
    .t(
      `assessment.facts.${f.kind}`,
      annualFactValues(f, {
        percent: l.percent,
        day: l.day,
        indicator: l.indicator,
        quarterList: (q) => l.list(q.map(l.quarter)),
      }),
    )
    .replace(/\d{4}Q[1-4]/g, (code) => l.quarterOfYear(code));
}

/** Opening paragraphs of an annual report: the unit's score, veto and whether the result is final. */
export function assessmentParagraphs(d: ExportDocument, l: ExportLabels): string[] {
  if (!d.assessment) return [];
  const a = d.assessment.assessment;
  const lines = [
    l.doc('assessmentText', {
      unit: a.unitName,
      year: a.year,
      score: a.score,
      max: a.maxScore,
      veto: a.vetoed ? l.doc('assessmentVetoed') : '',
    }),
  ];
  if (!a.isFinal) lines.push(l.doc('assessmentProvisional'));
  const undecided = a.items.filter((i) => i.status === 'INSUFFICIENT_DATA');
  if (undecided.length)
    lines.push(
      l.doc('assessmentInsufficient', {
        items: l.join(
          undecided.map((i) => `${item(l, i.code)}${i.reason ? l.paren(l.t(`assessment.reasons.${i.reason}`)) : ''}`),
        ),
      }),
    );
  return lines;
}

/** Annual reports: the items (A0–A5), every fact behind them, and the next level ranked. */
export function assessmentTables(d: ExportDocument, l: ExportLabels): ExportTable[] {
  if (!d.assessment) return [];
  const { assessment, children } = d.assessment;
  const status = (code: string) => l.t(`assessment.statuses.${code}`);
  return [
    {
      key: 'assessment',
      title: l.doc('assessmentHeading'),
      headers: [col(l, 'assessmentItem'), col(l, 'max'), col(l, 'deducted'), col(l, 'itemStatus'), col(l, 'note')],
      widths: [20, 8, 8, 14, 50],
      keep: [false, true, true, true, false],
      rows: assessment.items.map((i) => ({
        isInformational: false,
        cells: [
          item(l, i.code),
          i.code === 'A0' ? '—' : i.max,
          i.code === 'A0' ? (assessment.vetoed ? l.doc('yes') : l.doc('no')) : i.deducted,
          status(i.status),
          i.reason ? l.t(`assessment.reasons.${i.reason}`) : '',
        ],
      })),
    },
    {
      key: 'assessmentFacts',
      title: l.doc('assessmentFactsHeading'),
      headers: [
        col(l, 'assessmentItem'),
        col(l, 'quarter'),
        col(l, 'fact'),
        col(l, 'agency'),
        col(l, 'account'),
        col(l, 'points'),
      ],
      widths: [14, 10, 70, 18, 20, 7],
      keep: [false, true, false, false, false, true],
      rows: assessment.items.flatMap((i) =>
        i.facts.map((f) => ({
          isInformational: f.points === 0,
          cells: [
            item(l, i.code),
            f.quarter ? l.quarter(f.quarter) : '',
            factSentence(f, l),
            f.agencyName ?? '',
            f.accountName ?? '',
            f.points ? `−${f.points}` : '',
          ],
        })),
      ),
    },
    {
      key: 'ranking',
      title: l.doc('rankingHeading'),
      headers: [
        col(l, 'rank'),
        col(l, 'unit'),
        col(l, 'accounts'),
        col(l, 'score'),
        col(l, 'veto'),
        ...['A1', 'A2', 'A3', 'A4', 'A5'].map((c) => item(l, c)),
      ],
      widths: [6, 24, 8, 8, 8, 12, 12, 12, 12, 12],
      keep: [true, false, true, true, true, true, true, true, true, true],
      rows: children.map((c) => ({
        isInformational: false,
        cells: [
          c.rank,
          c.name,
          c.accounts,
          c.hasInsufficientData ? `${c.score}*` : c.score,
          c.vetoed ? l.doc('yes') : l.doc('no'),
          ...['A1', 'A2', 'A3', 'A4', 'A5'].map((code) => {
            const x = c.deductions.find((dd) => dd.code === code);
            return !x ? '' : x.status === 'INSUFFICIENT_DATA' ? status(x.status) : x.deducted ? `−${x.deducted}` : 0;
          }),
        ],
      })),
    },
  ];
}
