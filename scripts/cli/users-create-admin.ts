import { parseArgs } from 'node:util';
import { findAgencyByCode, listRootAgencies } from '@/lib/data/agencies';
import { createUser } from '@/lib/services/create-user';
import { passwordProblem } from '@/lib/security/password-strength';
import type { CliCommand } from './types';

/** The first administrator; reads the password from XUNJIAN_ADMIN_PASSWORD so it stays out of shell history. */
export const usersCreateAdminCommand: CliCommand = {
  usage:
    '--email <email> --name <name> [--agency <code>]   (password from env XUNJIAN_ADMIN_PASSWORD: ≥ 12 chars, not common; default agency: the root)',
  async run(args, { db, out, err }) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string' } },
    });
    const password = process.env.XUNJIAN_ADMIN_PASSWORD ?? '';
    if (!values.email || !values.name) {
      err(`Usage: users create-admin ${this.usage}`);
      return 2;
    }
    const problem = passwordProblem(password);
    if (problem) {
      err(
        `Set a strong password in the environment variable XUNJIAN_ADMIN_PASSWORD (at least 12 characters, not a common or easily guessed one; refused: ${problem}); it is never taken from the command line.`,
      );
      return 2;
    }
    let agency: { id: string; name: string } | null;
    if (values.agency) {
      agency = await findAgencyByCode(db, values.agency);
      if (!agency) {
        err(`No agency has the code ${values.agency}; see npm run xunjian -- agencies list.`);
        return 1;
      }
    } else {
      const roots = await listRootAgencies(db);
      if (roots.length === 0) {
        err('No agency exists yet: import the agency tree first (npm run xunjian -- agencies import <file>).');
        return 1;
      }
      if (roots.length > 1) {
        err(
          `There are ${roots.length} root agencies (${roots.map((r) => r.code ?? r.name).join(', ')}): choose one with --agency <code>.`,
        );
        return 1;
      }
      agency = roots[0] ?? null;
    }
    if (!agency) return 1;
    const user = await createUser({
      input: { name: values.name, email: values.email, password, grants: [{ role: 'ADMIN', agencyId: agency.id }] },
      actorId: null,
      db,
    });
    out(`Created administrator ${values.email} (${user.id}) for ${agency.name} and its whole subtree.`);
    return 0;
  },
};
