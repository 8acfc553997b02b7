import { listAgencyRows } from '@/lib/data/agency-tree';
import type { CliCommand } from './types';

export const agenciesListCommand: CliCommand = {
  usage: '(the agency tree: code, level, name, accounts)',
  async run(_args, { db, out }) {
    const rows = await listAgencyRows(db);
    out(
      rows.length === 0 ? 'No agencies yet: npm run xunjian -- agencies import <file>' : `${rows.length} agency(ies)`,
    );
    for (const r of rows)
      out(`${'  '.repeat(r.depth)}${r.code ?? '(no code)'}  ${r.level}  ${r.name}  ${r.accounts} account(s)`);
    return 0;
  },
};
