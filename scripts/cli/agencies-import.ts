import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportRejectedError } from '@/lib/services/import-accounts';
import { importAgencies } from '@/lib/services/import-agencies';
import { printRejection, readImportFile } from './import-file';
import type { CliCommand } from './types';

export const agenciesImportCommand: CliCommand = {
  usage:
    '<file.csv|file.xlsx> [--dry-run]   (columns: code, name, parent_code, level; optional short_name, region_code, is_supervising_unit)',
  async run(args, { db, out, err }) {
    const { values, positionals } = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const path = positionals[0];
    if (!path) {
      err(`Usage: agencies import ${this.usage}`);
      return 2;
    }
    const file = await readImportFile(path, err);
    if (!file) return 1;
    try {
      const { created, unchanged, preview } = await importAgencies({ db, file, isDryRun: values['dry-run'] });
      const kept = unchanged ? `; ${unchanged} already stored as given (unchanged)` : '';
      out(
        values['dry-run']
          ? `Dry run: ${preview.rows.length - unchanged} agency(ies) would be created${kept}; nothing written.`
          : `Created ${created} agency(ies)${kept}.`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      printRejection(error, basename(path), 'agencies', err);
      return 1;
    }
  },
};
