import type { Db } from '@/lib/db/types';
import { dateToDay } from '@/lib/time';

/** What a crawler needs to know about one monitored account. */
export type CrawlTargetDto = {
  accountId: string;
  agencyId: string;
  platform: string;
  handle: string;
  displayName: string;
  url: string | null;
  crawlConfig: unknown;
  credentialId: string | null;
};

const TARGET_SELECT = {
  id: true,
  agencyId: true,
  platformCode: true,
  handle: true,
  displayName: true,
  url: true,
  crawlConfig: true,
  credentialId: true,
} as const;

type TargetRow = {
  id: string;
  agencyId: string;
  platformCode: string;
  handle: string;
  displayName: string;
  url: string | null;
  crawlConfig: unknown;
  credentialId: string | null;
};
const toDto = (r: TargetRow): CrawlTargetDto => ({
  accountId: r.id,
  agencyId: r.agencyId,
  platform: r.platformCode,
  handle: r.handle,
  displayName: r.displayName,
  url: r.url,
  crawlConfig: r.crawlConfig,
  credentialId: r.credentialId,
});

/** Accounts that are not closed, on an enabled platform, whose next crawl is due at `at` (never crawled = due). */
export async function listDueCrawlTargets(
  db: Db,
  {
    at,
    limit,
    afterId,
    platformCodes,
  }: { at: Date; limit: number; afterId?: string; platformCodes?: readonly string[] },
): Promise<CrawlTargetDto[]> {
  const rows = await db.account.findMany({
    where: {
      lifecycle: { not: 'CLOSED' },
      platform: { isEnabled: true },
      ...(platformCodes ? { platformCode: { in: [...platformCodes] } } : {}),
      OR: [{ nextCrawlAt: null }, { nextCrawlAt: { lte: at } }],
      ...(afterId ? { id: { gt: afterId } } : {}),
    },
    orderBy: { id: 'asc' },
    take: limit,
    select: TARGET_SELECT,
  });
  return rows.map(toDto);
}

export async function findCrawlTarget(db: Db, accountId: string): Promise<CrawlTargetDto | null> {
  const row = await db.account.findUnique({ where: { id: accountId }, select: TARGET_SELECT });
  return row ? toDto(row) : null;
}

/** The latest Shanghai day some crawl fully covered, or null when none did. */
export async function findLastCoveredDay(db: Db, accountId: string): Promise<string | null> {
  const row = await db.crawlCoverage.findFirst({
    where: { accountId, status: 'COVERED' },
    orderBy: { day: 'desc' },
    select: { day: true },
  });
  return row ? dateToDay(row.day) : null;
}

export async function setNextCrawlAt(db: Db, accountIds: string[], at: Date): Promise<number> {
  if (accountIds.length === 0) return 0;
  const result = await db.account.updateMany({ where: { id: { in: accountIds } }, data: { nextCrawlAt: at } });
  return result.count;
}

/** True when the account was closed (注销) at or before `at`: it is crawled no more, even from an older queued job. */
export async function isAccountClosedAt(db: Db, accountId: string, at: Date): Promise<boolean> {
  const row = await db.account.findUnique({ where: { id: accountId }, select: { lifecycle: true, closedAt: true } });
  return row?.lifecycle === 'CLOSED' && (row.closedAt === null || row.closedAt <= at);
}

/** Platform ids of the account's stored, not yet deleted posts published in [since, until]. */
export async function listKnownPostIds(db: Db, accountId: string, since: Date, until: Date): Promise<string[]> {
  const rows = await db.post.findMany({
    where: { accountId, publishedAt: { gte: since, lte: until }, deletedDetectedAt: null },
    select: { platformPostId: true },
    orderBy: { publishedAt: 'desc' },
    take: 2000,
  });
  return rows.map((r) => r.platformPostId);
}
