import type { PrismaClient } from '@/lib/db/types';

/**
 * A publication instant later than every published edition's, so a new edition is the one in force. Not derived
 * from the process clock: the template database may have been seeded on another clock (the shifted-clock CI run).
 */
export async function publishedAfterAll(db: PrismaClient): Promise<Date> {
  const latest = await db.indicatorEdition.findFirst({
    where: { status: 'PUBLISHED' },
    orderBy: { publishedAt: { sort: 'desc', nulls: 'last' } },
    select: { publishedAt: true },
  });
  return new Date((latest?.publishedAt?.getTime() ?? 0) + 60_000);
}
