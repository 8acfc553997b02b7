import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { ADMIN_ROLES, canAccessAgency, type Access } from '@/lib/access';
import { findAgencyNode } from '@/lib/data/agency-scorecard';
import { createUserWithPassword, findUserIdByEmail } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { roleSchema } from '@/lib/schemas/enums';
import { recordAudit } from './record-audit';

export const createUserInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(200),
  password: z.string().min(10).max(200),
  grants: z.array(z.object({ role: roleSchema, agencyId: z.uuid() })).min(1),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

/** Creates a user with a hashed password (better-auth's scrypt) and role grants, audited. */
export async function createUser({ input, actorId, db = getDb() }: { input: CreateUserInput; actorId: string | null; db?: PrismaClient }) {
  const data = createUserInputSchema.parse(input);
  if (await findUserIdByEmail(db, data.email)) {
    throw new AppError('CONFLICT', 'A user with this email exists', { details: { email: ['exists'] } });
  }
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await createUserWithPassword(tx, { id: randomUUID(), name: data.name, email: data.email, passwordHash, grants: data.grants });
    await recordAudit(tx, { actorId, action: 'user.create', entityType: 'user', entityId: user.id, after: { name: data.name, email: data.email, grants: data.grants } });
    return user;
  });
}

/** An administrator creates a user; every grant must lie inside the administrator's own subtree. */
export async function createUserInScope({ access, input, db = getDb() }: { access: Access; input: CreateUserInput; db?: PrismaClient }) {
  const data = createUserInputSchema.parse(input);
  for (const grant of data.grants) {
    const agency = await findAgencyNode(db, grant.agencyId);
    if (!agency || !canAccessAgency(access, ADMIN_ROLES, agency)) {
      throw new AppError('FORBIDDEN', 'A role grant is outside your scope', { details: { grants: ['outside your scope'] } });
    }
  }
  return createUser({ input: data, actorId: access.userId, db });
}
