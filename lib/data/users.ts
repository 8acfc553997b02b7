import type { Db } from '@/lib/db/types';
import type { Role } from '@/lib/schemas/enums';
import { agencyInSubtrees } from './overview';

export type UserAccessRow = {
  id: string;
  name: string;
  email: string;
  locale: string;
  isActive: boolean;
  grants: Array<{ role: Role; agencyId: string; agencyName: string }>;
};

export async function findUserAccess(db: Db, userId: string): Promise<UserAccessRow | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      isActive: true,
      roleGrants: { select: { role: true, agencyId: true, agency: { select: { name: true } } } },
    },
  });
  if (!user) return null;
  const { roleGrants, ...rest } = user;
  return {
    ...rest,
    grants: roleGrants.map((g) => ({ role: g.role, agencyId: g.agencyId, agencyName: g.agency.name })),
  };
}

export type NewUserWithPassword = {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  grants: Array<{ role: Role; agencyId: string }>;
};

/** Creates a user with a better-auth credential account (providerId "credential"). */
export async function createUserWithPassword(db: Db, input: NewUserWithPassword): Promise<{ id: string }> {
  return db.user.create({
    data: {
      id: input.id,
      name: input.name,
      email: input.email.toLowerCase(),
      emailVerified: true,
      authAccounts: {
        create: { id: `cred_${input.id}`, accountId: input.id, providerId: 'credential', password: input.passwordHash },
      },
      roleGrants: { create: input.grants },
    },
    select: { id: true },
  });
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const row = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  return row?.id ?? null;
}

export type ManagedUserRow = {
  id: string;
  name: string;
  email: string;
  isActive: boolean;
  grants: Array<{ id: string; role: Role; agencyId: string; agencyName: string; ancestorIds: string[] }>;
};

export async function findManagedUser(db: Db, userId: string): Promise<ManagedUserRow | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      isActive: true,
      roleGrants: {
        select: { id: true, role: true, agencyId: true, agency: { select: { name: true, ancestorIds: true } } },
      },
    },
  });
  if (!user) return null;
  const { roleGrants, ...rest } = user;
  return {
    ...rest,
    grants: roleGrants.map((g) => ({
      id: g.id,
      role: g.role,
      agencyId: g.agencyId,
      agencyName: g.agency.name,
      ancestorIds: g.agency.ancestorIds,
    })),
  };
}

export async function setUserActiveRow(db: Db, userId: string, isActive: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { isActive } });
}

/** Signs the user out everywhere: better-auth sessions are rows, so deleting them ends them. */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  return (await db.session.deleteMany({ where: { userId } })).count;
}

export async function insertRoleGrant(
  db: Db,
  grant: { userId: string; role: Role; agencyId: string },
): Promise<{ id: string }> {
  return db.roleGrant.create({ data: grant, select: { id: true } });
}

export async function deleteRoleGrant(db: Db, grantId: string): Promise<boolean> {
  return (await db.roleGrant.deleteMany({ where: { id: grantId } })).count === 1;
}

/** False when the user has no password sign-in (e.g. created by another provider). */
export async function setCredentialPassword(db: Db, userId: string, passwordHash: string): Promise<boolean> {
  const { count } = await db.authAccount.updateMany({
    where: { userId, providerId: 'credential' },
    data: { password: passwordHash },
  });
  return count > 0;
}

/** False only for a known user an administrator deactivated; unknown emails are left to the password check. */
export async function isEmailActive(db: Db, email: string): Promise<boolean> {
  const row = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { isActive: true } });
  return row?.isActive ?? true;
}

/** Users holding a grant inside the subtrees, with their grants (the user administration list). */
export async function listUsersInScope(db: Db, roots: string[]) {
  const rows = await db.user.findMany({
    where: { roleGrants: { some: { agency: agencyInSubtrees(roots) } } },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      name: true,
      email: true,
      isActive: true,
      roleGrants: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, role: true, agency: { select: { name: true } } },
      },
    },
  });
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    isActive: u.isActive,
    grants: u.roleGrants.map((g) => ({ id: g.id, role: g.role, agencyName: g.agency.name })),
  }));
}
