import type { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';

export type QuietAccountRow = { accountId: string; lastPostAt: Date; lastPostDay: string; coveredDaysAfter: number };
export type FailingAccountRow = { accountId: string; errorKinds: string[] | null };
export type NewAlert = { accountId: string; kind: 'NEARING_STALE' | 'STALE' | 'CRAWL_FAILING'; dedupeKey: string; details: Prisma.InputJsonValue };

/**
 * Open accounts whose newest post is on or before `lastDayAtMost`, with the number of COVERED days
 * strictly after that post's day and strictly before `today` (all Asia/Shanghai days).
 */
export async function listQuietAccounts(db: Db, { today, lastDayAtMost }: { today: string; lastDayAtMost: string }): Promise<QuietAccountRow[]> {
  return db.$queryRaw<QuietAccountRow[]>`
    WITH last_post AS (
      SELECT p.account_id, max(p.published_at) AS last_at
      FROM post p JOIN account a ON a.id = p.account_id
      WHERE a.lifecycle <> 'CLOSED'
      GROUP BY p.account_id
    ), quiet AS (
      SELECT account_id, last_at, (last_at AT TIME ZONE 'Asia/Shanghai')::date AS last_day
      FROM last_post WHERE (last_at AT TIME ZONE 'Asia/Shanghai')::date <= ${lastDayAtMost}::date
    )
    SELECT q.account_id AS "accountId", q.last_at AS "lastPostAt", to_char(q.last_day, 'YYYY-MM-DD') AS "lastPostDay",
      (SELECT count(*)::int FROM crawl_coverage c
        WHERE c.account_id = q.account_id AND c.status = 'COVERED' AND c.day > q.last_day AND c.day < ${today}::date) AS "coveredDaysAfter"
    FROM quiet q`;
}

/** Open accounts whose coverage is FAILED on each of the `days` given. */
export async function listFailingAccounts(db: Db, days: string[]): Promise<FailingAccountRow[]> {
  return db.$queryRaw<FailingAccountRow[]>`
    SELECT c.account_id AS "accountId", array_agg(DISTINCT c.error_kind::text) FILTER (WHERE c.error_kind IS NOT NULL) AS "errorKinds"
    FROM crawl_coverage c JOIN account a ON a.id = c.account_id
    WHERE a.lifecycle <> 'CLOSED' AND c.status = 'FAILED' AND c.day = ANY(${days}::date[])
    GROUP BY c.account_id
    HAVING count(*) = ${days.length}`;
}

/** Inserts alerts; a dedupe key already present (same account, kind and day) is skipped. */
export async function createAlerts(db: Db, alerts: NewAlert[]): Promise<number> {
  if (alerts.length === 0) return 0;
  const result = await db.alert.createMany({ data: alerts, skipDuplicates: true });
  return result.count;
}
