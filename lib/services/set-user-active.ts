import { ADMIN_ROLES, hasRole, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { deleteUserSessions, setUserActiveRow } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { setUserActiveInputSchema } from '@/lib/schemas/user-admin';
import { recordAudit } from './record-audit';
import { findUserInAdminScope } from './user-admin-scope';

/** Deactivates (signing the user out everywhere) or reactivates a user in the administrator's scope. */
export async function setUserActive({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  db?: PrismaClient;
}) {
  if (!hasRole(access, ADMIN_ROLES)) throw new AppError('FORBIDDEN', 'usersAdminOnly');
  const data = setUserActiveInputSchema.parse(input);
  if (data.userId === access.userId && !data.isActive) throw new AppError('CONFLICT', 'cannotDeactivateSelf');
  const user = await findUserInAdminScope(db, access, data.userId);
  if (user.isActive === data.isActive) return { changed: false, sessionsEnded: 0 };
  return db.$transaction(async (tx) => {
    await setUserActiveRow(tx, user.id, data.isActive);
    const sessionsEnded = data.isActive ? 0 : await deleteUserSessions(tx, user.id);
    await recordAudit(tx, {
      actorId: access.userId,
      action: data.isActive ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: user.id,
      before: { isActive: user.isActive },
      after: { isActive: data.isActive, sessionsEnded },
    });
    return { changed: true, sessionsEnded };
  });
}
