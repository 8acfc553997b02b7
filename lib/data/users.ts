import type { Db } from '@/lib/db/types';
import type { Role } from '@/lib/schemas/enums';

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
  return { ...rest, grants: roleGrants.map((g) => ({ role: g.role, agencyId: g.agencyId, agencyName: g.agency.name })) };
}

export type NewUserWithPassword = { id: string; name: string; email: string; passwordHash: string; grants: Array<{ role: Role; agencyId: string }> };

/** Creates a user with a better-auth credential account (providerId "credential"). */
export async function createUserWithPassword(db: Db, input: NewUserWithPassword): Promise<{ id: string }> {
  return db.user.create({
    data: {
      id: input.id,
      name: input.name,
      email: input.email.toLowerCase(),
      emailVerified: true,
      authAccounts: { create: { id: `cred_${input.id}`, accountId: input.id, providerId: 'credential', password: input.passwordHash } },
      roleGrants: { create: input.grants },
    },
    select: { id: true },
  });
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const row = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  return row?.id ?? null;
}
