import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ExportDocument } from '@/lib/schemas/export-document';
import { summaryParagraphs, type ExportLabels } from './labels';
import { documentTables, type ExportTable } from './tables';

// 公文 conventions: red reference line (文号) over a centred title, 仿宋 body text.
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'FangSong' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei' };
const RED = 'C00000';
const GREY = '777777';

const run = (text: string, options: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}) =>
  new TextRun({ text, font: BODY_FONT, size: options.size ?? 21, bold: options.bold, color: options.color, italics: options.italics });

function cell(text: string, options: { isHeader?: boolean; isInformational?: boolean; width: number }) {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    shading: options.isHeader ? { type: ShadingType.CLEAR, fill: 'E8EEF6', color: 'auto' } : options.isInformational ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : undefined,
    children: [new Paragraph({ children: [run(text, { bold: options.isHeader, size: 18, color: options.isInformational ? GREY : undefined, italics: options.isInformational })] })],
  });
}

function table(t: ExportTable, l: ExportLabels): Array<Paragraph | Table> {
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: t.title, font: TITLE_FONT, size: 26, bold: true })] });
  if (t.rows.length === 0) return [heading, new Paragraph({ children: [run(l.doc('none'))] })];
  const total = t.widths.reduce((n, w) => n + w, 0);
  const widths = t.widths.map((w) => Math.round((w / total) * 14_000));
  return [
    heading,
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: t.headers.map((h, i) => cell(h, { isHeader: true, width: widths[i] ?? 1000 })) }),
        ...t.rows.map((r) => new TableRow({ children: r.cells.map((c, i) => cell(String(c), { isInformational: r.isInformational, width: widths[i] ?? 1000 })) })),
      ],
    }),
  ];
}

/** The 通报 layout: reference number, title, summary paragraphs, then the tables; informational rows greyed and marked. */
export async function renderDocx(d: ExportDocument, l: ExportLabels): Promise<Uint8Array> {
  const periodEnd = new Date(Date.parse(d.period.to) - 1).toISOString();
  const doc = new Document({
    creator: 'Xunjian',
    title: l.title(d),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } },
            children: [run(l.reference(d), { color: RED, size: 24 })],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, spacing: { before: 240, after: 240 }, children: [new TextRun({ text: l.title(d), font: TITLE_FONT, size: 36, bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(l.doc('period', { from: l.day(d.period.from), to: l.day(periodEnd) }), { color: GREY })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(l.doc('generatedAt', { at: l.instant(d.generatedAt) }), { color: GREY })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: l.doc('summaryHeading'), font: TITLE_FONT, size: 28, bold: true })] }),
          ...summaryParagraphs(d, l).map((text) => new Paragraph({ indent: { firstLine: 420 }, spacing: { after: 80 }, children: [run(text, { size: 24 })] })),
          ...documentTables(d, l).flatMap((t) => table(t, l)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
