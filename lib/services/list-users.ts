import { ADMIN_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listUsersInScope } from '@/lib/data/users';

/** Users holding a grant inside the administrator's subtree. */
export async function listUsers({ access, db = getDb() }: { access: Access; db?: Db }) {
  return listUsersInScope(db, scopeRoots(access, ADMIN_ROLES));
}
