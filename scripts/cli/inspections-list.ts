import { parseArgs } from 'node:util';
import { listRootAgencyIds } from '@/lib/data/agencies';
import { listInspectionsPage } from '@/lib/data/inspections';
import type { CliCommand } from './types';

export const inspectionsListCommand: CliCommand = {
  usage: '[--page <n>]',
  async run(args, { db, out }) {
    const { values } = parseArgs({ args, options: { page: { type: 'string', default: '1' } } });
    const page = Math.max(1, Number(values.page) || 1);
    const { items, total } = await listInspectionsPage(db, await listRootAgencyIds(db), page, 50);
    out(`${total} inspection(s); page ${page}`);
    for (const i of items) {
      out(
        [
          i.id,
          i.monitoringAt.slice(0, 10),
          i.status.padEnd(7),
          i.editionCode,
          `${i.passed}/${i.accounts} passed`,
          `${i.vetoed} vetoed`,
          i.name,
        ].join('  '),
      );
    }
    return 0;
  },
};
