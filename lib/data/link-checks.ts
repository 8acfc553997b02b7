import type { Db } from '@/lib/db/types';
import type { CrawlErrorKind } from '@/lib/schemas/enums';
import type { LinkCheckOutcome, LinkSource } from '@/lib/schemas/link-check';

// D6 link checks: the links an account shows (its items' links; menus come from the crawler) and the checks made.

export type LinkCheckAccount = {
  accountId: string;
  platformCode: string;
  handle: string;
  crawlConfig: unknown;
  credentialId: string | null;
};

/** The account to check, unless it is missing or closed at `at` (a closed account is checked no more). */
export async function findLinkCheckAccount(db: Db, accountId: string, at: Date): Promise<LinkCheckAccount | null> {
  const row = await db.account.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      platformCode: true,
      handle: true,
      crawlConfig: true,
      credentialId: true,
      lifecycle: true,
      closedAt: true,
      platform: { select: { isEnabled: true } },
    },
  });
  if (!row || !row.platform.isEnabled || (row.lifecycle === 'CLOSED' && (row.closedAt === null || row.closedAt <= at)))
    return null;
  return {
    accountId: row.id,
    platformCode: row.platformCode,
    handle: row.handle,
    crawlConfig: row.crawlConfig,
    credentialId: row.credentialId,
  };
}

/** Links of the account's live items published in (since, until], newest item first. */
export async function listItemLinks(
  db: Db,
  accountId: string,
  since: Date,
  until: Date,
): Promise<Array<{ postId: string; publishedAt: Date; links: string[] }>> {
  const rows = await db.post.findMany({
    where: {
      accountId,
      publishedAt: { gt: since, lte: until },
      deletedDetectedAt: null,
      NOT: { links: { isEmpty: true } },
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    select: { id: true, publishedAt: true, links: true },
    take: 5000,
  });
  return rows.map((r) => ({ postId: r.id, publishedAt: r.publishedAt, links: r.links }));
}

export type LatestLinkCheck = { url: string; checkedAt: Date; outcome: LinkCheckOutcome };

/** The latest check of each of `urls` for the account made by `until` (one row per URL that was ever checked). */
export async function listLatestLinkChecks(
  db: Db,
  accountId: string,
  urls: string[],
  until: Date,
): Promise<LatestLinkCheck[]> {
  if (urls.length === 0) return [];
  const rows = await db.linkCheck.findMany({
    where: { accountId, url: { in: urls }, checkedAt: { lte: until } },
    orderBy: [{ url: 'asc' }, { checkedAt: 'desc' }],
    distinct: ['url'],
    select: { url: true, checkedAt: true, outcome: true },
  });
  return rows;
}

export type LinkCheckRow = {
  accountId: string;
  url: string;
  source: LinkSource;
  checkedAt: Date;
  outcome: LinkCheckOutcome;
  httpStatus: number | null;
  errorKind: CrawlErrorKind | null;
  reason: string | null;
  finalUrl: string | null;
  elapsedMs: number | null;
};

export async function insertLinkChecks(db: Db, rows: LinkCheckRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.linkCheck.createMany({ data: rows });
  return result.count;
}

/** Accounts worth a link check run: open, on an enabled platform, with item links in the window or a credential (menus). */
export async function listLinkCheckAccountIds(
  db: Db,
  { since, until, limit, afterId }: { since: Date; until: Date; limit: number; afterId?: string },
): Promise<string[]> {
  const rows = await db.account.findMany({
    where: {
      lifecycle: { not: 'CLOSED' },
      platform: { isEnabled: true },
      ...(afterId ? { id: { gt: afterId } } : {}),
      OR: [
        {
          posts: {
            some: {
              publishedAt: { gt: since, lte: until },
              deletedDetectedAt: null,
              NOT: { links: { isEmpty: true } },
            },
          },
        },
        { platformCode: 'WECHAT', credentialId: { not: null } },
      ],
    },
    orderBy: { id: 'asc' },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
