import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportFile } from '@/lib/services/read-import-table';
import type { ImportRejectedError } from '@/lib/services/import-accounts';

/** Reads an import file, or says in one sentence why it cannot be read (and returns null). */
export async function readImportFile(path: string, err: (line: string) => void): Promise<ImportFile | null> {
  try {
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(code === 'ENOENT' ? `Cannot read ${path}: no such file.` : `Cannot read ${path}: ${(error as Error).message}`);
    return null;
  }
}

/** The row-level errors of a refused import, one line each, after a sentence saying nothing was written. */
export function printRejection(
  error: ImportRejectedError,
  fileName: string,
  what: string,
  err: (line: string) => void,
): void {
  err(`Refused ${fileName}: ${error.errors.length} problem(s); no ${what} were written.`);
  for (const e of error.errors) err(`  row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
}
