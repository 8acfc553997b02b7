import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportRejectedError, importAccounts } from '@/lib/services/import-accounts';
import type { CliCommand } from './types';

export const accountsImportCommand: CliCommand = {
  usage: '<file.csv|file.xlsx> [--dry-run]',
  async run(args, { db, out, err }) {
    const { values, positionals } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false } }, allowPositionals: true });
    const path = positionals[0];
    if (!path) {
      err(`accounts import ${this.usage}`);
      return 2;
    }
    const bytes = new Uint8Array(await readFile(path));
    try {
      const { imported, preview } = await importAccounts({ db, file: { name: basename(path), bytes }, isDryRun: values['dry-run'] });
      out(values['dry-run'] ? `Dry run: ${preview.rows.length} row(s) valid, nothing written.` : `Imported ${imported} account(s).`);
      return 0;
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      err(`Refused: ${error.errors.length} problem(s); nothing was imported.`);
      for (const e of error.errors) err(`  row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.message}`);
      return 1;
    }
  },
};
