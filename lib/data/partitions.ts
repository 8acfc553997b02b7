import type { Db, PrismaClient } from '@/lib/db/types';

/** Tables partitioned by month (migration 20261204140500_partition_history_by_month, docs/retention.md). */
export const MONTHLY_TABLES = ['post', 'comment', 'crawl_coverage'] as const;
export type MonthlyTable = (typeof MONTHLY_TABLES)[number];
export type PartitionOutcome = 'exists' | 'created' | 'moved' | 'in-default';

/** `month` is 'YYYY-MM' (an Asia/Shanghai month). */
export async function ensureMonthPartition(db: Db, table: MonthlyTable, month: string): Promise<PartitionOutcome> {
  const rows = await db.$queryRaw<{ outcome: PartitionOutcome }[]>`
    SELECT xunjian_ensure_month_partition(${table}, ${`${month}-01`}::date) AS outcome`;
  return rows[0]!.outcome;
}

export type MonthPartition = { name: string; month: string };

/** The monthly partitions of a table (not its DEFAULT partition), oldest first. */
export async function listMonthPartitions(db: Db, table: MonthlyTable): Promise<MonthPartition[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = ${table}::regclass`;
  const pattern = new RegExp(`^${table}_p(\\d{4})(\\d{2})$`);
  return rows
    .flatMap((r) => {
      const m = pattern.exec(r.name);
      return m ? [{ name: r.name, month: `${m[1]}-${m[2]}` }] : [];
    })
    .sort((a, b) => a.month.localeCompare(b.month));
}

/** Months ('YYYY-MM') of the days that sit in crawl_coverage's DEFAULT partition. */
export async function listCoverageDefaultMonths(db: Db): Promise<string[]> {
  const rows = await db.$queryRaw<{ month: string }[]>`
    SELECT DISTINCT to_char(day, 'YYYY-MM') AS month FROM crawl_coverage_default ORDER BY 1`;
  return rows.map((r) => r.month);
}

/** Rows of a monthly partition of `comment` that a finding points at (its evidence). */
export async function countCommentsHeldByFindings(db: Db, partition: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM "${partitionName(partition)}" c WHERE EXISTS (SELECT 1 FROM finding f WHERE f.comment_id = c.id)`,
  );
  return Number(rows[0]!.n);
}

/**
 * Detaches and drops a monthly partition of `comment` in one transaction. PostgreSQL refuses the detach while a row
 * elsewhere (a finding, a reply in a later month) still references one of its rows; then nothing happens and false is
 * returned.
 */
export async function dropCommentPartition(db: PrismaClient, partition: string): Promise<boolean> {
  const name = partitionName(partition);
  try {
    await db.$transaction([
      db.$executeRawUnsafe(`ALTER TABLE comment DETACH PARTITION "${name}"`),
      db.$executeRawUnsafe(`DROP TABLE "${name}"`),
    ]);
    return true;
  } catch (error) {
    if (/violates foreign key constraint/.test(String(error))) return false;
    throw error;
  }
}

/**
 * Deletes the comments of one partition (a monthly one, or comment_default limited to rows first seen before
 * `before`) that no finding points at. Replies to them from later months lose their link (ON DELETE SET NULL).
 */
export async function deleteUnheldComments(db: Db, partition: string, before: Date): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM "${partitionName(partition)}" c
     WHERE c.first_seen_at < $1 AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.comment_id = c.id)`,
    before,
  );
}

/**
 * Deletes up to `limit` profile snapshots taken before `before` that no finding points at and that are not their
 * account's latest snapshot (scoring reads the current profile from it).
 */
export async function deleteOldSnapshots(db: Db, before: Date, limit: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM snapshot WHERE id IN (
      SELECT s.id FROM snapshot s
      WHERE s.taken_at < ${before}
        AND NOT EXISTS (SELECT 1 FROM finding f WHERE f.snapshot_id = s.id)
        AND EXISTS (SELECT 1 FROM snapshot n WHERE n.account_id = s.account_id AND n.taken_at > s.taken_at)
      LIMIT ${limit})`;
}

/** The earliest monitoring instant of an inspection not finished yet (PENDING or RUNNING), if any. */
export async function earliestOpenInspectionAt(db: Db): Promise<Date | null> {
  const row = await db.inspection.findFirst({
    where: { status: { in: ['PENDING', 'RUNNING'] } },
    orderBy: { monitoringAt: 'asc' },
    select: { monitoringAt: true },
  });
  return row?.monitoringAt ?? null;
}

function partitionName(name: string): string {
  if (!/^(post|comment|crawl_coverage)_(p\d{6}|default)$/.test(name)) throw new Error(`not a partition: ${name}`);
  return name;
}
