import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportRejectedError, importAccounts } from '@/lib/services/import-accounts';
import { printRejection, readImportFile } from './import-file';
import type { CliCommand } from './types';

export const accountsImportCommand: CliCommand = {
  usage: '<file.csv|file.xlsx> [--dry-run]   (columns: docs/deploying.md)',
  async run(args, { db, out, err }) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const path = positionals[0];
    if (!path) {
      err(`Usage: accounts import ${this.usage}`);
      return 2;
    }
    const file = await readImportFile(path, err);
    if (!file) return 1;
    try {
      const { imported, preview } = await importAccounts({ db, file, isDryRun: values['dry-run'] });
      out(
        values['dry-run']
          ? `Dry run: ${preview.rows.length} row(s) valid, nothing written.`
          : `Imported ${imported} account(s).`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      printRejection(error, basename(path), 'accounts', err);
      return 1;
    }
  },
};
