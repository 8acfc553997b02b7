import { hashPassword } from 'better-auth/crypto';
import { ADMIN_ROLES, hasRole, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { deleteUserSessions, setCredentialPassword } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { resetUserPasswordInputSchema } from '@/lib/schemas/user-admin';
import { recordAudit } from './record-audit';
import { findUserInAdminScope } from './user-admin-scope';

/** Sets a new password (hashed like at creation) and ends the user's sessions; the audit row holds no password. */
export async function resetUserPassword({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  db?: PrismaClient;
}) {
  if (!hasRole(access, ADMIN_ROLES)) throw new AppError('FORBIDDEN', 'usersAdminOnly');
  const data = resetUserPasswordInputSchema.parse(input);
  const user = await findUserInAdminScope(db, access, data.userId);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if (!(await setCredentialPassword(tx, user.id, passwordHash))) throw new AppError('CONFLICT', 'noPasswordSignIn');
    const sessionsEnded = await deleteUserSessions(tx, user.id);
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'user.password-reset',
      entityType: 'user',
      entityId: user.id,
      after: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}
