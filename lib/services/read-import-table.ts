import ExcelJS from 'exceljs';
import { AppError } from '@/lib/errors';

export type ImportFile = { name: string; bytes: Uint8Array };
/** `rowNumber` is the 1-based line (CSV record) or sheet row; the header is row 1. */
export type TableRow = { rowNumber: number; cells: Record<string, unknown> };
export type ImportTable = { header: string[]; rows: TableRow[] };

const MAX_ROWS = 20_000;

/** Reads the first sheet of an .xlsx file or a UTF-8 .csv file into header-keyed rows; blank rows are skipped. */
export async function readImportTable(file: ImportFile): Promise<ImportTable> {
  const lower = file.name.toLowerCase();
  const records = lower.endsWith('.xlsx')
    ? await readXlsx(file.bytes)
    : lower.endsWith('.csv')
      ? parseCsv(new TextDecoder('utf-8').decode(file.bytes))
      : null;
  if (!records) throw new AppError('VALIDATION', 'Unsupported file type: use .csv or .xlsx', { details: { file: ['type'] } });
  const [head, ...body] = records;
  if (!head) throw new AppError('VALIDATION', 'The file is empty', { details: { file: ['empty'] } });
  if (body.length > MAX_ROWS) throw new AppError('VALIDATION', `Too many rows (max ${MAX_ROWS})`, { details: { file: ['size'] } });
  const header = head.cells.map((h) => String(h ?? '').trim().toLowerCase());
  const rows = body
    .filter((r) => r.cells.some((c) => c !== null && c !== undefined && String(c).trim() !== ''))
    .map((r) => ({ rowNumber: r.rowNumber, cells: Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? undefined])) }));
  return { header, rows };
}

type RawRecord = { rowNumber: number; cells: unknown[] };

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; a UTF-8 BOM is dropped. */
export function parseCsv(text: string): RawRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: RawRecord[] = [];
  let field = '';
  let cells: unknown[] = [];
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    cells.push(field);
    records.push({ rowNumber: recordLine, cells });
    cells = [];
    field = '';
  };
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line += 1;
        field += ch;
      }
    } else if (ch === '"' && field === '') inQuotes = true;
    else if (ch === ',') {
      cells.push(field);
      field = '';
    } else if (ch === '\r' && src[i + 1] === '\n') continue;
    else if (ch === '\n' || ch === '\r') {
      endRecord();
      line += 1;
      recordLine = line;
    } else field += ch;
  }
  if (inQuotes) throw new AppError('VALIDATION', `Unclosed quote starting on line ${recordLine}`, { details: { file: ['csv'] } });
  if (field !== '' || cells.length > 0) endRecord();
  return records;
}

async function readXlsx(bytes: Uint8Array): Promise<RawRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch (error) {
    throw new AppError('VALIDATION', 'Not a readable .xlsx file', { cause: error, details: { file: ['xlsx'] } });
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
