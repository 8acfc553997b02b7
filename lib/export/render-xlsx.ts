import ExcelJS from 'exceljs';
import type { ExportDocument } from '@/lib/schemas/export-document';
import { summaryMetrics, summaryParagraphs, type ExportLabels } from './labels';
import { documentTables, type ExportTable } from './tables';

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
    if (row.isInformational) added.font = INFORMATIONAL_FONT;
  }
  if (table.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
}

function addSummarySheet(wb: ExcelJS.Workbook, d: ExportDocument, l: ExportLabels) {
  const ws = wb.addWorksheet(sheetName(l.doc('sheets.summary')), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ header: l.doc('metric'), width: 40 }, { header: l.doc('value'), width: 60 }];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  const title = ws.addRow([l.title(d)]);
  title.font = { bold: true, size: 14 };
  ws.addRow([l.reference(d)]);
  ws.addRow([l.doc('period', { from: l.day(d.period.from), to: l.day(new Date(Date.parse(d.period.to) - 1).toISOString()) })]);
  ws.addRow([l.doc('generatedAt', { at: l.instant(d.generatedAt) })]);
  ws.addRow([]);
  for (const [label, value] of summaryMetrics(d, l)) ws.addRow([label, value]);
  ws.addRow([]);
  for (const line of summaryParagraphs(d, l)) ws.addRow([line]).alignment = { wrapText: false };
}

/** Workbook: summary sheet, then one sheet per table (accounts, findings, insufficient data …), frozen headers. */
export async function renderXlsx(d: ExportDocument, l: ExportLabels): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xunjian';
  wb.title = l.title(d);
  wb.created = new Date(d.generatedAt);
  addSummarySheet(wb, d, l);
  for (const table of documentTables(d, l)) addTableSheet(wb, table, l.doc(`sheets.${table.key}`));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
