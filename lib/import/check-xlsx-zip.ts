import { inflateRawSync } from 'node:zlib';
import { AppError } from '@/lib/errors';

/**
 * Limits an .xlsx upload must pass before a spreadsheet library sees it. An 878 KB workbook unpacking to
 * 183 MB took exceljs 9.7 s and 1 GB of memory; here the archive is unpacked once with a hard output cap
 * (the sizes a zip declares can lie), so a bomb costs at most `maxUnzippedBytes` of work.
 */
export const XLSX_LIMITS = {
  maxEntries: 200,
  maxUnzippedBytes: 25 * 1024 * 1024,
  /** Data rows of any sheet, header excluded (the same limit CSV has). */
  maxRows: 20_000,
} as const;

export type XlsxLimits = { maxEntries: number; maxUnzippedBytes: number; maxRows: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
// `<row ` or `<x:row>` (a namespace prefix is legal); `<rows` or `<rowBreaks` are not rows.
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;

const unreadable = (cause?: unknown) => new AppError('VALIDATION', 'importXlsxUnreadable', { field: 'file', cause });

/** Throws a localized VALIDATION AppError when the workbook is over a limit or not a plain zip archive. */
export function checkXlsxZip(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tooLarge = () =>
    new AppError('VALIDATION', 'importXlsxTooLarge', {
      field: 'file',
      params: { maxMb: Math.round(limits.maxUnzippedBytes / 1048576) },
    });
  const end = findEndOfCentralDirectory(view);
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  // ZIP64 markers: no import workbook needs more than 65535 parts or 4 GB.
  if (entries === 0xffff || offset === 0xffffffff) throw tooLarge();
  if (entries > limits.maxEntries)
    throw new AppError('VALIDATION', 'importXlsxTooManyParts', { field: 'file', params: { max: limits.maxEntries } });

  let budget = limits.maxUnzippedBytes;
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL) throw unreadable();
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const declared = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    if (declared > budget) throw tooLarge();
    const data = unpack(bytes, view, localOffset, method, compressed, budget, tooLarge);
    budget -= data.byteLength;
    if (SHEET.test(name) && countRows(data) > limits.maxRows + 1) {
      throw new AppError('VALIDATION', 'importTooManyRows', { field: 'file', params: { max: limits.maxRows } });
    }
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at -= 1) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw unreadable();
}

/** The entry's real bytes, inflated with an output cap: what the archive declares is never trusted. */
function unpack(
  bytes: Uint8Array,
  view: DataView,
  localOffset: number,
  method: number,
  compressed: number,
  budget: number,
  tooLarge: () => AppError,
): Uint8Array {
  if (localOffset + 30 > view.byteLength || view.getUint32(localOffset, true) !== LOCAL) throw unreadable();
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  const raw = bytes.subarray(start, start + compressed);
  if (method === 0) {
    if (raw.byteLength > budget) throw tooLarge();
    return raw;
  }
  if (method !== 8) throw unreadable();
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      throw tooLarge();
    throw unreadable(error);
  }
}

function countRows(xml: Uint8Array): number {
  return Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString('latin1').match(ROW_TAG)?.length ?? 0;
}
