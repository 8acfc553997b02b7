import {
  ensureMonthPartition,
  listCoverageDefaultMonths,
  MONTHLY_TABLES,
  type MonthlyTable,
  type PartitionOutcome,
} from '@/lib/data/partitions';
import type { Db } from '@/lib/db/types';
import { shanghaiDay } from '@/lib/time';

export const PARTITION_MONTHS_AHEAD = 3;

/** 'YYYY-MM' plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

export type PartitionChange = { table: MonthlyTable; month: string; outcome: PartitionOutcome };

/**
 * Keeps the monthly partitions of post, comment and crawl_coverage ahead of the clock: the Asia/Shanghai month of
 * `now` and the next `monthsAhead` exist afterwards, unless the DEFAULT partition already holds rows of that month
 * (post, comment: reported as 'in-default', the rows stay where they are). Coverage days that landed in the DEFAULT
 * partition (a crawl that covered a day older than every partition) move into their own month's partition.
 */
export async function maintainPartitions({
  db,
  now,
  monthsAhead = PARTITION_MONTHS_AHEAD,
}: {
  db: Db;
  now: Date;
  monthsAhead?: number;
}): Promise<{ changes: PartitionChange[] }> {
  const current = shanghaiDay(now).slice(0, 7);
  const months = Array.from({ length: monthsAhead + 1 }, (_, i) => addMonths(current, i));
  const changes: PartitionChange[] = [];
  for (const table of MONTHLY_TABLES) {
    const extra = table === 'crawl_coverage' ? await listCoverageDefaultMonths(db) : [];
    for (const month of [...new Set([...extra, ...months])]) {
      const outcome = await ensureMonthPartition(db, table, month);
      if (outcome !== 'exists') changes.push({ table, month, outcome });
    }
  }
  return { changes };
}
