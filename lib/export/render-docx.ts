import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import type { ExportDocument } from '@/lib/schemas/export-document';
import type { ExportLabels } from './labels';
import { documentOutline, type OutlineAttachment } from './outline';
import type { ExportTable } from './tables';

// GB/T 9704-2012 in Word terms: A4 portrait, margins 37/35/28/26 mm, 三号仿宋 body on a fixed 29 pt line, 二号小标宋
// title, 黑体 headings, red header and rule, "— 1 —" page numbers. Every paragraph uses a named style (公文正文, 公文标题 …)
// so an office edits the document with Word's styles instead of direct formatting. The official font names come
// first; Word and LibreOffice substitute what the machine has.
const FONT = {
  fangsong: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' },
  xiaobiaosong: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' },
  heiti: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' },
  songti: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' },
};
const RED = 'E60012';
const MM = 56.7; // twips per millimetre
const TEXT_WIDTH = Math.round(156 * MM);
const LINE = { line: 580, lineRule: LineRuleType.EXACT }; // 29 pt: 22 lines on the 225 mm text block
const half = (pt: number) => pt * 2; // docx sizes are half-points

const STYLES: IParagraphStyleOptions[] = [
  {
    id: 'GwBody',
    name: '公文正文',
    basedOn: 'Normal',
    next: 'GwBody',
    quickFormat: true,
    run: { font: FONT.fangsong, size: half(16) },
    paragraph: { spacing: LINE, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED },
  },
  {
    id: 'GwRedhead',
    name: '公文版头',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: FONT.xiaobiaosong, size: half(30), color: RED, bold: true },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: Math.round(35 * MM), after: 0 } },
  },
  {
    id: 'GwNumber',
    name: '公文发文字号',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: FONT.fangsong, size: half(16) },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 1160, after: 0 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    },
  },
  {
    id: 'GwTitle',
    name: '公文标题',
    basedOn: 'Normal',
    next: 'GwAddressee',
    quickFormat: true,
    run: { font: FONT.xiaobiaosong, size: half(22), bold: true },
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { before: 1160, after: 580, line: 640, lineRule: LineRuleType.EXACT },
    },
  },
  {
    id: 'GwAddressee',
    name: '公文主送机关',
    basedOn: 'GwBody',
    next: 'GwBody',
    quickFormat: true,
    paragraph: { indent: { firstLine: 0 } },
  },
  {
    id: 'Heading1',
    name: 'heading 1',
    basedOn: 'Normal',
    next: 'GwBody',
    quickFormat: true,
    run: { font: FONT.heiti, size: half(16), bold: false, color: '000000' },
    paragraph: { spacing: LINE, indent: { firstLine: 640 }, outlineLevel: 0 },
  },
  {
    id: 'GwAttachmentNote',
    name: '公文附件说明',
    basedOn: 'GwBody',
    quickFormat: true,
    paragraph: { indent: { left: 640 + 960, hanging: 960 }, spacing: { ...LINE } },
  },
  {
    id: 'GwSignature',
    name: '公文落款',
    basedOn: 'GwBody',
    quickFormat: true,
    paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 } },
  },
  {
    id: 'GwAttachmentLabel',
    name: '附件标识',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: FONT.heiti, size: half(16) },
    paragraph: { spacing: LINE },
  },
  {
    id: 'GwAttachmentTitle',
    name: '附件标题',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: FONT.xiaobiaosong, size: half(18), bold: true },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } },
  },
  {
    id: 'Heading3',
    name: 'heading 3',
    basedOn: 'Normal',
    next: 'GwBody',
    quickFormat: true,
    run: { font: FONT.heiti, size: half(12), bold: false, color: '000000' },
    paragraph: { spacing: { before: 240, after: 120 }, outlineLevel: 2 },
  },
  {
    id: 'GwTableText',
    name: '表格文字',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: FONT.fangsong, size: half(9) },
    paragraph: { spacing: { before: 20, after: 20 } },
  },
  {
    id: 'GwTableHeader',
    name: '表格标题行',
    basedOn: 'GwTableText',
    quickFormat: true,
    run: { font: FONT.heiti },
    paragraph: { alignment: AlignmentType.CENTER },
  },
  {
    id: 'GwPageNumber',
    name: '公文页码',
    basedOn: 'Normal',
    run: { font: FONT.songti, size: half(14) },
    paragraph: { alignment: AlignmentType.CENTER },
  },
];

const CHAR = 320; // one 三号 character in twips; the text block holds 28
/** Width in characters: Latin letters and digits take half a character. */
const charsOf = (text: string) => [...text].reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);

/**
 * Left indents of the unsealed signature: the office 2 characters from the right edge and the date starting 2
 * characters right of the office; when the date is the longer, the date ends 2 characters from the right instead.
 */
function signatureIndents(office: string, date: string): { office: number; date: number } {
  const width = Math.max(charsOf(office), charsOf(date) + 2);
  const start = Math.max(0, 28 - 2 - width);
  return { office: Math.round(start * CHAR), date: Math.round((start + 2) * CHAR) };
}

// Where a title reads well cut: after the period (…年度, …季度), before the subject (政务新媒体…).
const CUT_AFTER = ['年度', '季度'];
const CUT_BEFORE = ['政务新媒体', '检查情况', '监管考核'];

/**
 * A title longer than a line, cut into lines of near-equal width (GB/T 9704: a multi-line title keeps its words whole
 * and is laid out as a trapezoid or diamond, not a long line and a stray character): each cut goes where the width is
 * nearest the line's share, preferring the period/subject boundary, never inside a run of digits or Latin letters.
 */
export function balancedLines(text: string, perLine: number): string[] {
  const width = charsOf(text);
  if (width <= perLine) return [text];
  const count = Math.ceil(width / perLine);
  const chars = [...text];
  const cuts: number[] = [];
  for (let k = 1; k < count; k += 1) {
    const target = (width * k) / count;
    let best = -1;
    let bestScore = Infinity;
    for (let i = (cuts.at(-1) ?? 0) + 1; i < chars.length; i += 1) {
      const before = chars.slice(0, i).join('');
      const after = chars.slice(i).join('');
      const w = charsOf(before);
      if (w - target > 3 || (/[0-9A-Za-z]$/.test(before) && /^[0-9A-Za-z]/.test(after))) continue;
      const preferred = CUT_AFTER.some((p) => before.endsWith(p)) || CUT_BEFORE.some((p) => after.startsWith(p));
      const score = Math.abs(w - target) - (preferred ? 2.5 : 0);
      if (target - w <= 3 && score < bestScore && charsOf(before.slice(cuts.at(-1) ?? 0)) <= perLine) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) break;
    cuts.push(best);
  }
  return [0, ...cuts].map((start, i) => chars.slice(start, cuts[i] ?? chars.length).join(''));
}

const para = (style: string, text: string, options: { size?: number; pageBreakBefore?: boolean } = {}) =>
  new Paragraph({
    style,
    pageBreakBefore: options.pageBreakBefore,
    children: [new TextRun({ text, size: options.size })],
  });

function cell(text: string, options: { header?: boolean; keep?: boolean; informational?: boolean; width: number }) {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    shading: options.informational ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : undefined,
    children: [
      new Paragraph({
        style: options.header ? 'GwTableHeader' : 'GwTableText',
        alignment: options.keep ? AlignmentType.CENTER : undefined,
        children: [new TextRun({ text, color: options.informational ? '555555' : undefined })],
      }),
    ],
  });
}

export const CELL_MARGIN = 57; // 1 mm each side
export const TABLE_CHAR = 180; // one 9 pt character in twips
export const TEXT_WIDTH_TWIPS = TEXT_WIDTH;

/**
 * Column widths in twips: an unbreakable column (numbers, scores, days) gets the width of its longest cell, the others
 * share the rest by their weights; proportional widths when the unbreakable ones would leave too little.
 */
export function columnWidths(t: ExportTable): number[] {
  const proportional = (weights: number[], width: number) => {
    const total = weights.reduce((n, w) => n + w, 0);
    return weights.map((w) => Math.round((w / total) * width));
  };
  const needed = t.widths.map((_, i) =>
    t.keep?.[i]
      ? Math.ceil(Math.max(2, ...t.rows.map((r) => charsOf(String(r.cells[i] ?? '')))) * TABLE_CHAR) +
        2 * CELL_MARGIN +
        40
      : 0,
  );
  const fixed = needed.reduce((n, w) => n + w, 0);
  const free = t.widths.filter((_, i) => !t.keep?.[i]);
  if (TEXT_WIDTH - fixed < free.length * 600) return proportional(t.widths, TEXT_WIDTH);
  const shares = proportional(free, TEXT_WIDTH - fixed);
  let next = 0;
  return t.widths.map((_, i) => (t.keep?.[i] ? (needed[i] ?? 0) : (shares[next++] ?? 0)));
}

function table(t: ExportTable, l: ExportLabels, withTitle: boolean): Array<Paragraph | Table> {
  const heading = withTitle ? [para('Heading3', t.title)] : [];
  if (t.rows.length === 0) return [...heading, para('GwBody', l.doc('none'))];
  const widths = columnWidths(t);
  return [
    ...heading,
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: t.headers.map((h, i) => cell(h, { header: true, width: widths[i] ?? 600 })),
        }),
        ...t.rows.map(
          (r) =>
            new TableRow({
              cantSplit: true,
              children: r.cells.map((c, i) =>
                cell(String(c), { keep: t.keep?.[i], informational: r.isInformational, width: widths[i] ?? 600 }),
              ),
            }),
        ),
      ],
    }),
  ];
}

const attachment = (a: OutlineAttachment, l: ExportLabels) => [
  para('GwAttachmentLabel', a.label, { pageBreakBefore: true }),
  para('GwAttachmentTitle', a.title),
  ...a.tables.flatMap((t) => table(t, l, a.tables.length > 1)),
];

/** The notice or annual report as an editable Word document in the official layout, styles named as in an office. */
export async function renderDocx(d: ExportDocument, l: ExportLabels): Promise<Uint8Array> {
  const o = documentOutline(d, l);
  const redheadSize = Math.max(16, Math.min(36, Math.floor((156 * 2.835) / (o.redhead.length * 1.08))));
  const label = l.doc('attachmentsLabel');
  const signature = signatureIndents(o.signature.office, o.signature.date);
  const doc = new Document({
    creator: 'Xunjian',
    title: o.title,
    styles: { paragraphStyles: STYLES },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM), orientation: PageOrientation.PORTRAIT },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
              footer: Math.round(28 * MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'GwPageNumber',
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
              }),
            ],
          }),
        },
        children: [
          para('GwRedhead', o.redhead, { size: half(redheadSize) }),
          para('GwNumber', o.number ?? ''),
          // 二号 (22 pt) characters per line of the 156 mm text block: 20, 19 once Word spaces digits from the characters.
          new Paragraph({
            style: 'GwTitle',
            children: balancedLines(o.title, 19).map((text, i) => new TextRun({ text, break: i ? 1 : undefined })),
          }),
          para('GwAddressee', o.addressee),
          ...o.body.map((b) =>
            b.kind === 'heading1' ? para('Heading1', b.text) : para('GwBody', `${b.lead ?? ''}${b.text}`),
          ),
          ...o.attachmentList.map(
            (title, i) =>
              new Paragraph({
                style: 'GwAttachmentNote',
                spacing: i === 0 ? { before: 580 } : undefined,
                children: [new TextRun({ text: `${i === 0 ? label : ''}${i + 1}. ${title}` })],
                indent: i === 0 ? undefined : { left: 640 + 960, hanging: 0 },
              }),
          ),
          new Paragraph({
            style: 'GwSignature',
            spacing: { before: 580 },
            keepNext: true,
            indent: { left: signature.office, firstLine: 0 },
            children: [new TextRun(o.signature.office)],
          }),
          new Paragraph({
            style: 'GwSignature',
            indent: { left: signature.date, firstLine: 0 },
            children: [new TextRun(o.signature.date)],
          }),
          ...o.attachments.flatMap((a) => attachment(a, l)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
