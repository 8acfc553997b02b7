import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findUserIdByEmail } from '@/lib/data/users';
import type { Role } from '@/lib/schemas/enums';
import { createUser } from './create-user';

/** Demo sign-ins shown on the login page in demo mode; README says to delete them before production use. */
export const DEMO_USERS: ReadonlyArray<{ role: Role; name: string; email: string; password: string }> = [
  { role: 'ADMIN', name: '演示管理员', email: 'admin@demo.xunjian.local', password: 'demo-admin-2026' },
  { role: 'SUPERVISOR', name: '演示监管员', email: 'supervisor@demo.xunjian.local', password: 'demo-supervisor-2026' },
  { role: 'AUDITOR', name: '演示审计员', email: 'auditor@demo.xunjian.local', password: 'demo-auditor-2026' },
];

/** Creates the demo users with grants on `rootAgencyId`; existing emails are left alone. */
export async function seedDemoUsers({
  rootAgencyId,
  db = getDb(),
}: {
  rootAgencyId: string;
  db?: PrismaClient;
}): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    if (await findUserIdByEmail(db, user.email)) continue;
    await createUser({
      input: {
        name: user.name,
        email: user.email,
        password: user.password,
        grants: [{ role: user.role, agencyId: rootAgencyId }],
      },
      actorId: null,
      db,
    });
    created += 1;
  }
  return created;
}
