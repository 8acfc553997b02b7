import type { Db } from '@/lib/db/types';

/**
 * Counts one sign-in attempt for `key` in a fixed window and returns the count, atomically.
 * Uses better-auth's rate_limit table so all limits live in one place.
 */
export async function consumeLoginAttempt(db: Db, key: string, windowMs: number, nowMs: number): Promise<number> {
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO rate_limit (id, key, count, last_request)
    VALUES (${`throttle:${key}`}, ${key}, 1, ${BigInt(nowMs)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.last_request < ${BigInt(nowMs - windowMs)} THEN 1 ELSE rate_limit.count + 1 END,
      last_request = CASE WHEN rate_limit.last_request < ${BigInt(nowMs - windowMs)} THEN ${BigInt(nowMs)} ELSE rate_limit.last_request END
    RETURNING count`;
  return rows[0]?.count ?? 0;
}

export async function clearLoginAttempts(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
