import { AppError } from '@/lib/errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Decodes an imported text file without ever inventing U+FFFD: a byte-order mark decides (UTF-8, UTF-16 LE/BE);
 * without one, strict UTF-8, else strict GB18030 — the superset of GBK/GB2312 that Excel on a Chinese Windows
 * writes for "CSV (逗号分隔)". Bytes valid in neither are refused with a localized error, never guessed at.
 */
export function decodeImportText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const bom = (...marks: number[]) => marks.every((mark, i) => bytes[i] === mark);
  const strict = (encoding: TextEncodingName, skip: number) =>
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  try {
    if (bom(0xef, 0xbb, 0xbf)) return { text: strict('utf-8', 3), encoding: 'utf-8' };
    if (bom(0xff, 0xfe)) return { text: strict('utf-16le', 2), encoding: 'utf-16le' };
    if (bom(0xfe, 0xff)) return { text: strict('utf-16be', 2), encoding: 'utf-16be' };
  } catch (error) {
    throw new AppError('VALIDATION', 'importEncodingUnknown', { field: 'file', cause: error });
  }
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      return { text: strict(encoding, 0), encoding };
    } catch {
      // try the next encoding
    }
  }
  throw new AppError('VALIDATION', 'importEncodingUnknown', { field: 'file' });
}
