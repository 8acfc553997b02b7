import ExcelJS from 'exceljs';
import type { ExportDocument } from '@/lib/schemas/export-document';
import { summaryMetrics, type ExportLabels } from './labels';
import { documentOutline, type DocumentOutline } from './outline';
import type { ExportTable } from './tables';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
const INFORMATIONAL_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF777777' }, italic: true };
// Excel caps sheet names at 31 characters and forbids []:*?/\
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

function addTableSheet(wb: ExcelJS.Workbook, table: ExportTable, sheetTitle: string) {
  const ws = wb.addWorksheet(sheetName(sheetTitle), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.headers.map((header, i) => ({ header, width: table.widths[i] ?? 14 }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = HEADER_FILL;
  for (const row of table.rows) {
    const added = ws.addRow(row.cells);
    added.alignment = { vertical: 'top', wrapText: true };
    // Unbreakable columns (numbers, scores, days) stay on one line and centred, as in the PDF and DOCX.
    table.keep?.forEach((keep, i) => {
      if (keep) added.getCell(i + 1).alignment = { vertical: 'top', horizontal: 'center', wrapText: false };
    });
    if (row.isInformational) added.font = INFORMATIONAL_FONT;
  }
  if (table.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
}

/** The document itself, line by line as the PDF and DOCX print it: header, number, title, addressee, body, signature. */
function addDocumentSheet(wb: ExcelJS.Workbook, o: DocumentOutline, l: ExportLabels) {
  const ws = wb.addWorksheet(sheetName(l.doc('noticeSheet')));
  ws.columns = [{ width: 120 }];
  const line = (text: string, font?: Partial<ExcelJS.Font>, horizontal: 'left' | 'center' | 'right' = 'left') => {
    const row = ws.addRow([text]);
    row.alignment = { wrapText: true, vertical: 'top', horizontal };
    if (font) row.font = font;
  };
  line(o.redhead, { bold: true, size: 20, color: { argb: 'FFE60012' } }, 'center');
  line(o.number ?? '', undefined, 'center');
  line(o.title, { bold: true, size: 16 }, 'center');
  line(o.addressee);
  for (const b of o.body)
    line(
      b.kind === 'heading1' ? b.text : `${b.lead ?? ''}${b.text}`,
      b.kind === 'heading1' ? { bold: true } : undefined,
    );
  o.attachmentList.forEach((title, i) => line(`${i === 0 ? l.doc('attachmentsLabel') : ''}${i + 1}. ${title}`));
  line(o.signature.office, undefined, 'right');
  line(o.signature.date, undefined, 'right');
}

function addSummarySheet(wb: ExcelJS.Workbook, d: ExportDocument, l: ExportLabels) {
  const ws = wb.addWorksheet(sheetName(l.doc('sheets.summary')), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: l.doc('metric'), width: 40 },
    { header: l.doc('value'), width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  for (const [label, value] of summaryMetrics(d, l)) ws.addRow([label, value]);
}

/** Workbook: the document, its figures, then one sheet per attachment table (frozen headers), in the PDF's order. */
export async function renderXlsx(d: ExportDocument, l: ExportLabels): Promise<Uint8Array> {
  const o = documentOutline(d, l);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xunjian';
  wb.title = o.title;
  wb.created = new Date(d.generatedAt);
  addDocumentSheet(wb, o, l);
  addSummarySheet(wb, d, l);
  for (const a of o.attachments) for (const table of a.tables) addTableSheet(wb, table, l.doc(`sheets.${table.key}`));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
