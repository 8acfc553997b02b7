import { ADMIN_ROLES, hasRole, type Access } from '@/lib/access';
import type { Db } from '@/lib/db/types';
import { findUserIdByEmail } from '@/lib/data/users';
import { getUserAccess } from '@/lib/services/get-user-access';

/**
 * The administrator a CLI command acts as (`--as <email>`): the services check their scope, and the audit log
 * and `created_by` name them, exactly as if they had used the admin pages. Returns a sentence when refused.
 */
export async function operatorAccess(db: Db, email: string | undefined): Promise<Access | string> {
  if (!email) return 'Say which administrator you act as: --as <email> (create one with users create-admin).';
  const userId = await findUserIdByEmail(db, email);
  const access = userId ? await getUserAccess({ userId, db }) : null;
  if (!access) return `No active user has the email ${email}.`;
  if (!hasRole(access, ADMIN_ROLES)) return `${email} is not an administrator; only administrators manage credentials.`;
  return access;
}
