import type { Db } from '@/lib/db/types';
import { dateToDay, dayToDate } from '@/lib/time';
import { inChunks } from './chunks';

// Every list is in a total order (id breaks ties): the scoring input hash covers the order, and an account must hash
// alike whatever batch it is loaded with (tests/integration/services/run-inspection-batched.test.ts).
// Raw facts the scoring service maps into lib/scoring's AccountHistory, as of the monitoring date `asOf`: the state
// of things at `asOf` (profiles taken, app data observed, links checked by then) and what was published by `asOf`,
// whenever a crawl read it. A read after `asOf` tells what was published before it (a crawl just after midnight
// decides the day before), and it counts for coverage too, so its posts must count (docs/scoring.md "Read up to when").

export type ScoringWindow = { asOf: Date; since: Date };

export async function loadAccountsForScoring(db: Db, accountIds: string[]) {
  return db.account.findMany({
    where: { id: { in: accountIds } },
    select: {
      id: true,
      agencyId: true,
      platformCode: true,
      handle: true,
      displayName: true,
      filingStatus: true,
      filingNumber: true,
      lifecycle: true,
      openedAt: true,
      closedAt: true,
      isRegistered: true,
      createdAt: true,
      agency: { select: { name: true, namingRule: true, ancestorIds: true, level: true } },
      lifecycleEvents: {
        orderBy: [{ effectiveAt: 'asc' }, { id: 'asc' }],
        select: { lifecycle: true, effectiveAt: true, changes: true, filingNumber: true },
      },
    },
  });
}

export async function loadSnapshotsForScoring(db: Db, accountIds: string[], w: ScoringWindow) {
  return db.snapshot.findMany({
    where: { accountId: { in: accountIds }, takenAt: { gte: w.since, lte: w.asOf } },
    orderBy: [{ accountId: 'asc' }, { takenAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      accountId: true,
      takenAt: true,
      displayName: true,
      avatarHash: true,
      isVerified: true,
      verifiedType: true,
      followersCount: true,
      isInteractionEnabled: true,
      hasFeedbackChannel: true,
    },
  });
}

export async function loadPostsForScoring(db: Db, accountIds: string[], w: ScoringWindow) {
  return db.post.findMany({
    where: { accountId: { in: accountIds }, publishedAt: { gte: w.since, lte: w.asOf } },
    orderBy: [{ accountId: 'asc' }, { publishedAt: 'asc' }, { platformPostId: 'asc' }],
    select: {
      id: true,
      accountId: true,
      platformPostId: true,
      url: true,
      title: true,
      text: true,
      publishedAt: true,
      editedAt: true,
      deletedDetectedAt: true,
      isPinned: true,
      isRepost: true,
      repostOfText: true,
      repostOfUrl: true,
      commentsEnabled: true,
      repostsCount: true,
      commentsCount: true,
      likesCount: true,
      readsCount: true,
      links: true,
    },
  });
}

export async function loadCommentsForScoring(db: Db, accountIds: string[], w: ScoringWindow) {
  return db.comment.findMany({
    where: { accountId: { in: accountIds }, publishedAt: { gte: w.since, lte: w.asOf } },
    orderBy: [{ accountId: 'asc' }, { publishedAt: 'asc' }, { platformCommentId: 'asc' }],
    select: {
      id: true,
      accountId: true,
      postId: true,
      platformCommentId: true,
      authorName: true,
      isOwnReply: true,
      replyToCommentId: true,
      text: true,
      publishedAt: true,
      post: { select: { url: true } },
    },
  });
}

export async function loadAppFactsForScoring(db: Db, accountIds: string[], asOf: Date) {
  const [releases, listings, linkChecks] = await Promise.all([
    db.appRelease.findMany({
      where: { accountId: { in: accountIds }, observedAt: { lte: asOf } },
      orderBy: [{ accountId: 'asc' }, { observedAt: 'asc' }, { version: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        accountId: true,
        store: true,
        version: true,
        releasedAt: true,
        rating: true,
        ratingCount: true,
        sellerName: true,
        sellerId: true,
        appName: true,
        observedAt: true,
      },
    }),
    db.storeListing.findMany({
      where: { accountId: { in: accountIds }, observedAt: { lte: asOf } },
      orderBy: [{ accountId: 'asc' }, { storeAppId: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        accountId: true,
        store: true,
        storeAppId: true,
        appName: true,
        sellerName: true,
        sellerId: true,
        url: true,
        observedAt: true,
      },
    }),
    // A check the checker could not make (refused private address, throttled) says nothing about the link (D6).
    db.linkCheck.findMany({
      where: { accountId: { in: accountIds }, checkedAt: { lte: asOf }, outcome: { not: 'NOT_CHECKED' } },
      orderBy: [{ accountId: 'asc' }, { checkedAt: 'asc' }, { id: 'asc' }],
      select: { id: true, accountId: true, url: true, checkedAt: true, httpStatus: true, errorKind: true },
    }),
  ]);
  return { releases, listings, linkChecks };
}

export async function loadCoverageForScoring(db: Db, accountIds: string[], fromDay: string, toDay: string) {
  const rows = await db.crawlCoverage.findMany({
    where: { accountId: { in: accountIds }, day: { gte: dayToDate(fromDay), lte: dayToDate(toDay) } },
    orderBy: [{ accountId: 'asc' }, { day: 'asc' }],
    select: { accountId: true, day: true, status: true, facts: true },
  });
  return rows.map((r) => ({ accountId: r.accountId, day: dateToDay(r.day), status: r.status, facts: r.facts }));
}

/**
 * How far each account's timeline was read: the coverage end of the crawl that last covered the account's latest
 * COVERED day (ingest marks a day covered from its start up to the crawl's coverage end, and every crawl re-reads
 * from the start of the last covered day, so earlier days are read in full). Not bounded by the monitoring date: a
 * read after it decides it. Accounts never read, or whose crawl run is gone, are absent (unknown).
 */
export async function loadReadThroughForScoring(db: Db, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  // Per account, the latest COVERED day only (the primary key read backwards), then its run.
  const rows = await db.$queryRaw<Array<{ accountId: string; readThrough: Date | null }>>`
    SELECT a.id::text AS "accountId", r.coverage_to AS "readThrough"
    FROM unnest(${accountIds}::uuid[]) AS a(id)
    CROSS JOIN LATERAL (
      SELECT c.crawl_run_id FROM crawl_coverage c
      WHERE c.account_id = a.id AND c.status = 'COVERED'
      ORDER BY c.day DESC LIMIT 1
    ) AS latest
    LEFT JOIN crawl_run r ON r.id = latest.crawl_run_id`;
  return rows.flatMap((r) => (r.readThrough ? [{ accountId: r.accountId, readThrough: r.readThrough }] : []));
}

/**
 * Store lookups of app accounts answered by `asOf` (crawl_run.fetched_at, the crawl's clock): a run that read the
 * listing found the app; one that failed NOT_FOUND was the store answering "not listed". Other failures (throttled,
 * blocked …) answered nothing.
 */
export async function loadListingLookupsForScoring(db: Db, accountIds: string[], w: ScoringWindow) {
  const rows = await db.crawlRun.findMany({
    where: {
      accountId: { in: accountIds },
      fetchedAt: { gte: w.since, lte: w.asOf },
      account: { platformCode: { in: ['APP_IOS', 'APP_ANDROID'] } },
      OR: [{ status: { in: ['SUCCEEDED', 'PARTIAL'] } }, { status: 'FAILED', errorKind: 'NOT_FOUND' }],
    },
    orderBy: [{ accountId: 'asc' }, { fetchedAt: 'asc' }, { id: 'asc' }],
    select: { accountId: true, fetchedAt: true, status: true },
  });
  return rows.flatMap((r) =>
    r.fetchedAt ? [{ accountId: r.accountId, at: r.fetchedAt, found: r.status !== 'FAILED' }] : [],
  );
}

export async function loadRepostTasksForScoring(db: Db, accountIds: string[], w: ScoringWindow) {
  return db.repostTask.findMany({
    where: { deadline: { gte: w.since, lte: w.asOf }, targets: { some: { accountId: { in: accountIds } } } },
    select: {
      id: true,
      title: true,
      itemUrl: true,
      matchTerms: true,
      publishedAt: true,
      deadline: true,
      targets: { where: { accountId: { in: accountIds } }, select: { accountId: true } },
    },
  });
}

export async function loadRecentTexts(db: Db, accountIds: string[], w: ScoringWindow) {
  const rows = await inChunks(accountIds, (ids) =>
    db.post.findMany({
      // Every item of the window by its own date, pinned or not (lib/scoring/coverage.ts itemsPublishedIn).
      where: { accountId: { in: ids }, publishedAt: { gt: w.since, lte: w.asOf } },
      orderBy: { id: 'asc' },
      select: { id: true, accountId: true, text: true },
    }),
  );
  return rows.map((r) => ({ accountId: r.accountId, itemId: r.id, text: r.text }));
}

export async function findStoredDuplicateShares(
  db: Db,
  inspectionId: string,
  accountIds: string[],
): Promise<Map<string, number>> {
  const rows = await inChunks(accountIds, (ids) =>
    db.score.findMany({ where: { inspectionId, accountId: { in: ids } }, select: { accountId: true, coverage: true } }),
  );
  const share = (c: unknown) =>
    c && typeof c === 'object' && 'nearDuplicateShare' in c && typeof c.nearDuplicateShare === 'number'
      ? c.nearDuplicateShare
      : 0;
  return new Map(rows.map((r) => [r.accountId, share(r.coverage)]));
}
