import { ADMIN_ROLES, canAccessAgency, hasRole, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import { deleteRoleGrant, insertRoleGrant } from '@/lib/data/users';
import { AppError, notFound } from '@/lib/errors';
import { changeUserGrantInputSchema } from '@/lib/schemas/user-admin';
import { recordAudit } from './record-audit';
import { findUserInAdminScope } from './user-admin-scope';

/**
 * Adds a role over a subtree inside the administrator's own, or removes one. A user keeps at least one grant
 * (deactivate instead), and an administrator cannot drop their own last administrator grant.
 */
export async function changeUserGrants({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  db?: PrismaClient;
}) {
  if (!hasRole(access, ADMIN_ROLES)) throw new AppError('FORBIDDEN', 'usersAdminOnly');
  const data = changeUserGrantInputSchema.parse(input);
  const user = await findUserInAdminScope(db, access, data.userId);
  if (data.op === 'ADD') {
    const agency = await findAgencyNode(db, data.agencyId);
    if (!agency || !canAccessAgency(access, ADMIN_ROLES, agency))
      throw new AppError('FORBIDDEN', 'agencyOutOfScope', { field: 'agencyId' });
    if (user.grants.some((g) => g.role === data.role && g.agencyId === data.agencyId))
      throw new AppError('CONFLICT', 'roleAlreadyHeld');
    return db.$transaction(async (tx) => {
      const grant = await insertRoleGrant(tx, { userId: user.id, role: data.role, agencyId: data.agencyId });
      await recordAudit(tx, {
        actorId: access.userId,
        action: 'user.grant-add',
        entityType: 'user',
        entityId: user.id,
        after: { role: data.role, agencyId: data.agencyId, agencyName: agency.name },
      });
      return { grantId: grant.id };
    });
  }
  const grant = user.grants.find((g) => g.id === data.grantId);
  if (!grant) throw notFound('grant');
  if (user.grants.length === 1) throw new AppError('CONFLICT', 'lastRoleKept');
  if (
    user.id === access.userId &&
    grant.role === 'ADMIN' &&
    user.grants.filter((g) => g.role === 'ADMIN').length === 1
  ) {
    throw new AppError('CONFLICT', 'ownLastAdminRole');
  }
  return db.$transaction(async (tx) => {
    if (!(await deleteRoleGrant(tx, grant.id))) throw new AppError('CONFLICT', 'roleRemovedMeanwhile');
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'user.grant-remove',
      entityType: 'user',
      entityId: user.id,
      before: { role: grant.role, agencyId: grant.agencyId, agencyName: grant.agencyName },
    });
    return { grantId: grant.id };
  });
}
