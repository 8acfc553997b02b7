import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '@/lib/errors';
import { checkXlsxZip, XLSX_LIMITS } from '@/lib/import/check-xlsx-zip';
import { decodeImportText } from '@/lib/import/decode-text';

export type ImportFile = { name: string; bytes: Uint8Array };
/** `rowNumber` is the 1-based line (CSV record) or sheet row; the header is row 1. */
export type TableRow = { rowNumber: number; cells: Record<string, unknown> };
export type ImportTable = {
  header: string[];
  rows: TableRow[];
  /** Rows holding U+FFFD: text that was already broken (mis-decoded once) before it reached us. */
  suspectRows: number[];
};

const MAX_ROWS = XLSX_LIMITS.maxRows;
const REPLACEMENT = '\uFFFD';

/**
 * Reads the first sheet of an .xlsx file or a .csv file (UTF-8, UTF-16 or GB18030) into header-keyed rows; blank
 * rows are skipped. `columnOf` names each header cell's column (default: the cell trimmed and lower-cased).
 */
export async function readImportTable(
  file: ImportFile,
  columnOf: (header: string) => string = (h) => h.trim().toLowerCase(),
): Promise<ImportTable> {
  const lower = file.name.toLowerCase();
  const records = lower.endsWith('.xlsx')
    ? await readXlsx(file.bytes)
    : lower.endsWith('.csv')
      ? parseCsv(decodeImportText(file.bytes).text)
      : null;
  if (!records) throw new AppError('VALIDATION', 'importFileType', { field: 'file' });
  const [head, ...body] = records;
  if (!head) throw new AppError('VALIDATION', 'importFileEmpty', { field: 'file' });
  if (body.length > MAX_ROWS)
    throw new AppError('VALIDATION', 'importTooManyRows', { params: { max: MAX_ROWS }, field: 'file' });
  // NUL never reaches a column name (PostgreSQL text refuses it); cells are cleaned by the row schemas (lib/schemas/text).
  const header = head.cells.map((h) => columnOf(String(h ?? '').replaceAll('\u0000', '')));
  const rows = body
    .filter((r) => r.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== ''))
    .map((r) => ({
      rowNumber: r.rowNumber,
      cells: Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? undefined])),
    }));
  const suspectRows = [head, ...body]
    .filter((r) => r.cells.some((c) => typeof c === 'string' && c.includes(REPLACEMENT)))
    .map((r) => r.rowNumber);
  return { header, rows, suspectRows };
}

type RawRecord = { rowNumber: number; cells: unknown[] };

/**
 * RFC 4180 by csv-parse: quoted fields may hold commas, quotes ("") and line breaks; a BOM is dropped; each record
 * keeps the line it starts on (what a spreadsheet shows as its row number).
 */
export function parseCsv(text: string): RawRecord[] {
  try {
    // With `info` and `raw` each record comes as { record, raw, info } (csv-parse's types only know plain rows).
    const records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      raw: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as Array<{ record: string[]; raw: string; info: { lines: number } }>;
    // `info.lines` is the record's last line: its first is that minus the line breaks inside its quoted fields.
    return records.map(({ record, raw, info }) => ({
      rowNumber: info.lines - lineBreaks(raw.replace(/(\r\n|\n|\r)$/, '')),
      cells: record,
    }));
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      throw new AppError('VALIDATION', 'importUnclosedQuote', { params: { line: lines ?? 1 }, field: 'file' });
    throw new AppError('VALIDATION', 'importCsvUnreadable', {
      params: { line: lines ?? 1 },
      field: 'file',
      cause: error,
    });
  }
}

const lineBreaks = (text: string) => text.match(/\r\n|\n|\r/g)?.length ?? 0;

async function readXlsx(bytes: Uint8Array): Promise<RawRecord[]> {
  checkXlsxZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch (error) {
    throw new AppError('VALIDATION', 'importXlsxUnreadable', { cause: error, field: 'file' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: RawRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    records.push({ rowNumber, cells });
  });
  return records;
}

function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return typeof value === 'number' ? String(value) : value;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : value.hyperlink;
  if ('result' in value) return value.result instanceof Date ? value.result : String(value.result ?? '');
  if ('error' in value) return undefined;
  return String(value);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
