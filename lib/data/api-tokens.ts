import type { Db } from '@/lib/db/types';
import type { Role } from '@/lib/schemas/enums';

export type ApiTokenRow = {
  id: string;
  userId: string;
  userName: string;
  createdById: string;
  name: string;
  prefix: string;
  role: Role;
  agencyId: string;
  agencyName: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
};

const rowSelect = {
  id: true,
  userId: true,
  createdById: true,
  name: true,
  prefix: true,
  role: true,
  agencyId: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
  user: { select: { name: true } },
  agency: { select: { name: true } },
} as const;

type Selected = { user: { name: string }; agency: { name: string } } & Omit<ApiTokenRow, 'userName' | 'agencyName'>;
const toRow = ({ user, agency, ...r }: Selected): ApiTokenRow => ({
  ...r,
  userName: user.name,
  agencyName: agency.name,
});

export async function insertApiToken(
  db: Db,
  token: {
    userId: string;
    createdById: string;
    name: string;
    prefix: string;
    tokenHash: string;
    role: Role;
    agencyId: string;
    expiresAt: Date;
  },
): Promise<ApiTokenRow> {
  return toRow(await db.apiToken.create({ data: token, select: rowSelect }));
}

/** The token with this hash and what the caller needs to decide whether it may act: its grant's agency ancestry. */
export async function findApiTokenByHash(db: Db, tokenHash: string) {
  return db.apiToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      userId: true,
      role: true,
      agencyId: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      agency: { select: { name: true, ancestorIds: true } },
    },
  });
}

export async function findApiToken(
  db: Db,
  id: string,
): Promise<(ApiTokenRow & { agencyAncestorIds: string[] }) | null> {
  const row = await db.apiToken.findUnique({
    where: { id },
    select: { ...rowSelect, agency: { select: { name: true, ancestorIds: true } } },
  });
  return row ? { ...toRow(row), agencyAncestorIds: row.agency.ancestorIds } : null;
}

/** Tokens owned by or created by `userId`, or whose grant lies in one of `adminRoots` (an administrator's subtrees). */
export async function listApiTokens(db: Db, userId: string, adminRoots: string[]): Promise<ApiTokenRow[]> {
  const rows = await db.apiToken.findMany({
    where: {
      OR: [
        { userId },
        { createdById: userId },
        ...(adminRoots.length
          ? [{ agency: { OR: [{ id: { in: adminRoots } }, { ancestorIds: { hasSome: adminRoots } }] } }]
          : []),
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 500,
    select: rowSelect,
  });
  return rows.map(toRow);
}

export async function markApiTokenRevoked(db: Db, id: string, revokedById: string, at: Date): Promise<boolean> {
  return (
    (await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at, revokedById } })).count === 1
  );
}

export async function touchApiToken(db: Db, id: string, at: Date): Promise<void> {
  await db.apiToken.update({ where: { id }, data: { lastUsedAt: at } });
}

/**
 * Counts one call of `key` in a fixed window and returns the count, atomically, in better-auth's rate_limit table
 * (shared by every process, like the sign-in throttle in login-throttle.ts).
 */
export async function consumeApiCall(db: Db, key: string, windowMs: number, nowMs: number): Promise<number> {
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO rate_limit (id, key, count, last_request)
    VALUES (${`api:${key}`}, ${`api:${key}`}, 1, ${BigInt(nowMs)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.last_request < ${BigInt(nowMs - windowMs)} THEN 1 ELSE rate_limit.count + 1 END,
      last_request = CASE WHEN rate_limit.last_request < ${BigInt(nowMs - windowMs)} THEN ${BigInt(nowMs)} ELSE rate_limit.last_request END
    RETURNING count`;
  return rows[0]?.count ?? 0;
}
