import { parseArgs } from 'node:util';
import { findAgencyByCodeOrRoot } from '@/lib/data/agency-lookup';
import { createUser } from '@/lib/services/create-user';
import type { CliCommand } from './types';

/** The first administrator; reads the password from XUNJIAN_ADMIN_PASSWORD so it stays out of shell history. */
export const usersCreateAdminCommand: CliCommand = {
  usage: '--email <email> --name <name> [--agency <code>]   (password from env XUNJIAN_ADMIN_PASSWORD, ≥ 10 chars)',
  async run(args, { db, out, err }) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string' } } });
    const password = process.env.XUNJIAN_ADMIN_PASSWORD ?? '';
    if (!values.email || !values.name || password.length < 10) {
      err('Required: --email, --name and XUNJIAN_ADMIN_PASSWORD (at least 10 characters)');
      return 2;
    }
    const agency = await findAgencyByCodeOrRoot(db, values.agency);
    if (!agency) {
      err(values.agency ? `No agency with code ${values.agency}` : 'No agency exists yet: create the root agency first (or seed the demo)');
      return 1;
    }
    const user = await createUser({
      input: { name: values.name, email: values.email, password, grants: [{ role: 'ADMIN', agencyId: agency.id }] },
      actorId: null,
      db,
    });
    out(`Created administrator ${values.email} (${user.id}) for ${agency.name} and its whole subtree`);
    return 0;
  },
};
