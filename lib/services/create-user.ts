import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { ADMIN_ROLES, canAccessAgency, type Access } from '@/lib/access';
import { findAgencyNode } from '@/lib/data/agencies';
import { createUserWithPassword, findUserIdByEmail } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { createUserInputSchema, type CreateUserInput } from '@/lib/schemas/user-admin';
import { recordAudit } from './record-audit';

/** Creates a user with a hashed password (better-auth's scrypt) and role grants, audited (CLI, seed, tests). */
export async function createUser({
  input,
  actorId,
  db = getDb(),
}: {
  input: CreateUserInput;
  actorId: string | null;
  db?: PrismaClient;
}) {
  return insertUser(createUserInputSchema.parse(input), actorId, db);
}

/** The write behind both entry points, on input already parsed. */
async function insertUser(data: CreateUserInput, actorId: string | null, db: PrismaClient) {
  if (await findUserIdByEmail(db, data.email)) {
    throw new AppError('CONFLICT', 'emailTaken', { field: 'email' });
  }
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await createUserWithPassword(tx, {
      id: randomUUID(),
      name: data.name,
      email: data.email,
      passwordHash,
      grants: data.grants,
    });
    await recordAudit(tx, {
      actorId,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { name: data.name, email: data.email, grants: data.grants },
    });
    return user;
  });
}

/** An administrator creates a user; every grant must lie inside the administrator's own subtree. */
export async function createUserInScope({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  db?: PrismaClient;
}) {
  const data = createUserInputSchema.parse(input);
  for (const grant of data.grants) {
    const agency = await findAgencyNode(db, grant.agencyId);
    if (!agency || !canAccessAgency(access, ADMIN_ROLES, agency)) {
      throw new AppError('FORBIDDEN', 'grantOutOfScope', { field: 'grants' });
    }
  }
  return insertUser(data, access.userId, db);
}
