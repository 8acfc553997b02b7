import type { Db } from '@/lib/db/types';
import type { CrawlErrorKind } from '@/lib/schemas/enums';
import { dateToDay, dayToDate } from '@/lib/time';

export type CoverageDayDto = { day: string; status: 'COVERED' | 'FAILED'; errorKind: string | null };

/** Marks days covered; COVERED always wins over an earlier FAILED for the same day. */
export async function markDaysCovered(db: Db, accountId: string, days: string[], crawlRunId: string): Promise<void> {
  if (days.length === 0) return;
  await db.$executeRaw`
    INSERT INTO crawl_coverage (account_id, day, status, error_kind, crawl_run_id, updated_at)
    SELECT ${accountId}::uuid, d::date, 'COVERED', NULL, ${crawlRunId}::uuid, now()
    FROM unnest(${days}::text[]) AS d
    ON CONFLICT (account_id, day) DO UPDATE
      SET status = 'COVERED', error_kind = NULL, crawl_run_id = EXCLUDED.crawl_run_id, updated_at = now()`;
}

/** Records a failed day unless some crawl already covered it. */
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

export async function listCoverage(db: Db, accountId: string, fromDay: string, toDay: string): Promise<CoverageDayDto[]> {
  const rows = await db.crawlCoverage.findMany({
    where: { accountId, day: { gte: dayToDate(fromDay), lte: dayToDate(toDay) } },
    orderBy: { day: 'asc' },
  });
  return rows.map((r) => ({ day: dateToDay(r.day), status: r.status, errorKind: r.errorKind }));
}
