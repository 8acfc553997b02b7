import { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';

/** What the crawl planner knows of one account (crawlers/planning/plan-requests.ts CrawlState), from the database. */
export type CrawlPlanRowDto = {
  accountId: string;
  platformCode: string;
  /** End of the newest crawl that read the account (SUCCEEDED or PARTIAL, by request time): its coverage end, else its fetch time. */
  readThrough: Date | null;
  /** Newest live post as stored (account.last_post_at, kept by ingest). */
  lastPostAt: Date | null;
  /** FAILED crawls since the newest read. */
  failures: number;
  /** Each FAILED crawl counts 0.8^(reads after it): +1 per failure, ×0.8 per read, as the planner keeps it. */
  failScore: number;
  lastAttemptAt: Date | null;
};

type Raw = {
  account_id: string;
  platform_code: string;
  read_through: Date | null;
  last_post_at: Date | null;
  failures: number;
  fail_score: number;
  last_attempt_at: Date | null;
};

/**
 * Every crawlable account (not closed, enabled platform, optionally only these platforms) with its crawl history
 * since `since` (the planner's window: older runs no longer change a V2 verdict), in id order.
 */
export async function listCrawlPlanRows(
  db: Db,
  { since, platformCodes }: { since: Date; platformCodes?: readonly string[] },
): Promise<CrawlPlanRowDto[]> {
  const platformFilter = platformCodes
    ? Prisma.sql`AND a.platform_code = ANY(${[...platformCodes]}::text[])`
    : Prisma.empty;
  // One index probe per account for its newest read (crawl_run (account_id, requested_at DESC)); failed runs are
  // few and found by (status, requested_at); MATERIALIZED, or the count of reads after each one runs twice. A window
  // over every run of the window cost 14 rows per account. (Returning the rows as one text value instead of row
  // objects gave the same DTOs and no measurable gain end to end: docs/benchmarks.md.)
  const rows = await db.$queryRaw<Raw[]>`
    WITH failed AS MATERIALIZED (
      SELECT f.account_id, coalesce(f.finished_at, f.requested_at) AS at,
        (SELECT count(*) FROM crawl_run s
          WHERE s.account_id = f.account_id AND s.requested_at > f.requested_at AND s.status IN ('SUCCEEDED', 'PARTIAL')
        ) AS reads_after
      FROM crawl_run f
      WHERE f.status = 'FAILED' AND f.requested_at >= ${since}
    ),
    per_account AS (
      SELECT account_id,
        count(*) FILTER (WHERE reads_after = 0)::int AS failures,
        sum(power(0.8, reads_after))::float8 AS fail_score,
        max(at) AS last_failed_at
      FROM failed GROUP BY account_id
    )
    SELECT a.id AS account_id, a.platform_code, lr.read_through, a.last_post_at,
      coalesce(p.failures, 0) AS failures, coalesce(p.fail_score, 0) AS fail_score,
      greatest(lr.read_at, p.last_failed_at) AS last_attempt_at
    FROM account a
    JOIN platform pl ON pl.code = a.platform_code AND pl.is_enabled
    LEFT JOIN LATERAL (
      SELECT coalesce(r.coverage_to, r.fetched_at, r.finished_at) AS read_through,
        coalesce(r.finished_at, r.requested_at) AS read_at
      FROM crawl_run r
      WHERE r.account_id = a.id AND r.requested_at >= ${since} AND r.status IN ('SUCCEEDED', 'PARTIAL')
      ORDER BY r.requested_at DESC LIMIT 1
    ) lr ON true
    LEFT JOIN per_account p ON p.account_id = a.id
    WHERE a.lifecycle <> 'CLOSED' ${platformFilter}
    ORDER BY a.id`;
  return rows.map((r) => ({
    accountId: r.account_id,
    platformCode: r.platform_code,
    readThrough: r.read_through,
    lastPostAt: r.last_post_at,
    failures: Number(r.failures),
    failScore: Number(r.fail_score),
    lastAttemptAt: r.last_attempt_at,
  }));
}
