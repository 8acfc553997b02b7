import { createHash, randomBytes } from 'node:crypto';
import { ADMIN_ROLES, canAccessAgency, hasRole, READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { listUsersInScope } from '@/lib/data/users';
import { findAgencyNode } from '@/lib/data/agencies';
import { listAgencyOptions } from '@/lib/data/agency-tree';
import {
  findApiToken,
  insertApiToken,
  listApiTokens,
  markApiTokenRevoked,
  type ApiTokenRow,
} from '@/lib/data/api-tokens';
import { AppError, notFound } from '@/lib/errors';
import {
  API_TOKEN_PREFIX,
  createApiTokenInputSchema,
  revokeApiTokenInputSchema,
  type ApiTokenDto,
} from '@/lib/schemas/api/tokens';
import type { Role } from '@/lib/schemas/enums';
import { getUserAccess } from './get-user-access';
import { recordAudit } from './record-audit';
import { findUserInAdminScope } from './user-admin-scope';
import { DAY_MS } from '@/lib/time';

// API tokens (docs/api.md): a token acts as its owner with one role grant no wider than the owner's grants, and no
// wider than its creator's: a user makes tokens for themselves, an administrator also for users of their subtree.

/** SHA-256 of the secret: the only form stored. The secret has 256 random bits, so no salt or slow hash is needed. */
export const hashApiToken = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

const ROLE_ORDER: readonly Role[] = ['AUDITOR', 'SUPERVISOR', 'ADMIN'];

const newSecret = () => `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

export function toApiTokenDto(row: ApiTokenRow, now: Date): ApiTokenDto {
  const state = row.revokedAt ? 'REVOKED' : row.expiresAt <= now ? 'EXPIRED' : 'ACTIVE';
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userId: row.userId,
    userName: row.userName,
    role: row.role,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    state,
  };
}

/** Creates a token and returns its secret, which is never readable again. */
export async function createApiToken({
  access,
  input,
  now,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  now: Date;
  db?: PrismaClient;
}) {
  const parsed = createApiTokenInputSchema.parse(input);
  const ownerId = parsed.userId ?? access.userId;
  if (ownerId !== access.userId) {
    if (!hasRole(access, ADMIN_ROLES)) throw new AppError('FORBIDDEN', 'roleNotAllowed');
    await findUserInAdminScope(db, access, ownerId);
  }
  const owner = ownerId === access.userId ? access : await getUserAccess({ userId: ownerId, db });
  const agency = await findAgencyNode(db, parsed.agencyId);
  if (!owner || !agency) throw notFound(owner ? 'agency' : 'user');
  // The owner must hold this role over the agency; a delegating administrator must administer it.
  const ownerHolds = canAccessAgency(owner, [parsed.role], agency);
  const creatorCovers = ownerId === access.userId ? ownerHolds : canAccessAgency(access, ADMIN_ROLES, agency);
  if (!ownerHolds || !creatorCovers) throw new AppError('FORBIDDEN', 'apiTokenTooWide', { field: 'agencyId' });
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + parsed.expiresInDays * DAY_MS);
  const row = await db.$transaction(async (tx) => {
    const created = await insertApiToken(tx, {
      userId: ownerId,
      createdById: access.userId,
      name: parsed.name,
      prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
      tokenHash: hashApiToken(secret),
      role: parsed.role,
      agencyId: parsed.agencyId,
      expiresAt,
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'apiToken.create',
      entityType: 'api_token',
      entityId: created.id,
      after: {
        name: created.name,
        userId: ownerId,
        role: created.role,
        agencyId: created.agencyId,
        expiresAt,
        prefix: created.prefix,
      },
    });
    return created;
  });
  return { token: toApiTokenDto(row, now), secret };
}

/** Tokens the user owns or made, and, for an administrator, those granted inside their subtrees. */
export async function listApiTokensFor({
  access,
  now,
  db = getDb(),
}: {
  access: Access;
  now: Date;
  db?: PrismaClient;
}): Promise<ApiTokenDto[]> {
  const rows = await listApiTokens(db, access.userId, scopeRoots(access, ADMIN_ROLES));
  return rows.map((r) => toApiTokenDto(r, now));
}

/** Revokes a token at once (the next call with it is refused); its owner, its creator or an administrator over its grant may. */
export async function revokeApiToken({
  access,
  input,
  now,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  now: Date;
  db?: PrismaClient;
}) {
  const { tokenId } = revokeApiTokenInputSchema.parse(input);
  const token = await findApiToken(db, tokenId);
  const mayRevoke =
    token &&
    (token.userId === access.userId ||
      token.createdById === access.userId ||
      canAccessAgency(access, ADMIN_ROLES, { id: token.agencyId, ancestorIds: token.agencyAncestorIds }));
  if (!token || !mayRevoke) throw notFound('apiToken');
  return db.$transaction(async (tx) => {
    const revoked = await markApiTokenRevoked(tx, tokenId, access.userId, now);
    if (revoked)
      await recordAudit(tx, {
        actorId: access.userId,
        action: 'apiToken.revoke',
        entityType: 'api_token',
        entityId: tokenId,
        before: { prefix: token.prefix },
      });
    return { revoked };
  });
}

/** What the token page shows: the tokens, the agencies a grant may name (the caller's read scope), the possible owners. */
export async function getApiTokenPage({ access, now, db = getDb() }: { access: Access; now: Date; db?: PrismaClient }) {
  const adminRoots = scopeRoots(access, ADMIN_ROLES);
  const [tokens, agencies, users] = await Promise.all([
    listApiTokensFor({ access, now, db }),
    listAgencyOptions(db, scopeRoots(access, READ_ROLES)),
    adminRoots.length ? listUsersInScope(db, adminRoots) : Promise.resolve([]),
  ]);
  const others = users
    .filter((u) => u.isActive && u.id !== access.userId)
    .map((u) => ({ id: u.id, name: `${u.name} <${u.email}>` }));
  // Least privilege first: the form offers the roles the caller holds, read-only ones first (an administrator may
  // also delegate the others to users of their subtree).
  const roles = ROLE_ORDER.filter((r) => adminRoots.length > 0 || hasRole(access, [r]));
  return {
    tokens,
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, parentId: a.parentId })),
    owners: [{ id: access.userId, name: access.name }, ...others],
    roles,
  };
}
