import type { Db } from '@/lib/db/types';

/** Counts an attempt for `key` and stamps it now; the count starts over after `windowMs` without attempts. */
export async function recordSignInAttempt(db: Db, key: string, windowMs: number, nowMs: number): Promise<number> {
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO rate_limit (id, key, count, last_request)
    VALUES (${`throttle:${key}`}, ${key}, 1, ${BigInt(nowMs)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.last_request < ${BigInt(nowMs - windowMs)} THEN 1 ELSE rate_limit.count + 1 END,
      last_request = ${BigInt(nowMs)}
    RETURNING count`;
  return rows[0]?.count ?? 0;
}

export async function clearLoginAttempts(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Attempts counted for `key` in the current window and when the last one came, or null. */
export async function readLoginAttempts(db: Db, key: string): Promise<{ count: number; lastMs: number } | null> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { count: true, lastRequest: true } });
  return row ? { count: row.count, lastMs: Number(row.lastRequest) } : null;
}

/** Whether the user of `email` may sign in, and their password hash (to spend the same work on a refusal). */
export async function findSignInUser(
  db: Db,
  email: string,
): Promise<{ isActive: boolean; passwordHash: string | null } | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: {
      isActive: true,
      authAccounts: { where: { providerId: 'credential' }, select: { password: true }, take: 1 },
    },
  });
  return user ? { isActive: user.isActive, passwordHash: user.authAccounts[0]?.password ?? null } : null;
}
