import type { Db } from '@/lib/db/types';
import type { CrawlErrorKind } from '@/lib/schemas/enums';

/**
 * Marks days read. COVERED (every item read) always wins; PARTIAL (read, but items were skipped as unreadable)
 * replaces an earlier FAILED but never an earlier COVERED, whose crawl did see every item of the day.
 */
export async function markDaysCovered(
  db: Db,
  accountId: string,
  days: string[],
  crawlRunId: string,
  status: 'COVERED' | 'PARTIAL' = 'COVERED',
  facts: readonly string[] = [],
): Promise<void> {
  if (days.length === 0) return;
  // Facts accumulate: comments read for a day by an earlier crawl stay read when a later one reads only posts.
  await db.$executeRaw`
    INSERT INTO crawl_coverage (account_id, day, status, error_kind, crawl_run_id, facts, updated_at)
    SELECT ${accountId}::uuid, d::date, ${status}::"CoverageStatus", NULL, ${crawlRunId}::uuid, ${[...facts]}::text[], now()
    FROM unnest(${days}::text[]) AS d
    ON CONFLICT (account_id, day) DO UPDATE
      SET status = EXCLUDED.status, error_kind = NULL, crawl_run_id = EXCLUDED.crawl_run_id, updated_at = now(),
        facts = ARRAY(SELECT DISTINCT f FROM unnest(coalesce(crawl_coverage.facts, '{}') || EXCLUDED.facts) AS f ORDER BY f)
      WHERE EXCLUDED.status = 'COVERED' OR crawl_coverage.status <> 'COVERED'`;
}

/** Records a failed day unless some crawl already read it (COVERED or PARTIAL). */
export async function markDayFailed(
  db: Db,
  accountId: string,
  day: string,
  errorKind: CrawlErrorKind,
  crawlRunId: string,
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO crawl_coverage (account_id, day, status, error_kind, crawl_run_id, updated_at)
    VALUES (${accountId}::uuid, ${day}::date, 'FAILED', ${errorKind}::"CrawlErrorKind", ${crawlRunId}::uuid, now())
    ON CONFLICT (account_id, day) DO UPDATE
      SET error_kind = EXCLUDED.error_kind, crawl_run_id = EXCLUDED.crawl_run_id, updated_at = now()
      WHERE crawl_coverage.status = 'FAILED'`;
}
