import { ADMIN_ROLES, canAccessAgency, type Access } from '@/lib/access';
import type { Db } from '@/lib/db/types';
import { findManagedUser, type ManagedUserRow } from '@/lib/data/users';
import { notFound } from '@/lib/errors';

/**
 * The user an administrator may manage: every grant of theirs inside the administrator's subtrees, so a county
 * administrator cannot lock out or re-scope a province official. Anyone else reads as not found.
 */
export async function findUserInAdminScope(db: Db, access: Access, userId: string): Promise<ManagedUserRow> {
  const user = await findManagedUser(db, userId);
  const inScope =
    user &&
    user.grants.length > 0 &&
    user.grants.every((g) => canAccessAgency(access, ADMIN_ROLES, { id: g.agencyId, ancestorIds: g.ancestorIds }));
  if (!user || !inScope) throw notFound('user');
  return user;
}
