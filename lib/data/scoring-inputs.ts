import type { Db } from '@/lib/db/types';
import { dateToDay, dayToDate } from '@/lib/time';
import { inChunks } from './chunks';

// Raw facts the scoring service maps into lib/scoring's AccountHistory. Only rows known at `asOf`
// are returned, so re-scoring a past monitoring date sees what was known then.

export type ScoringWindow = { asOf: Date; since: Date };

export async function loadAccountsForScoring(db: Db, accountIds: string[]) {
  return db.account.findMany({
    where: { id: { in: accountIds } },
    select: {
      id: true, agencyId: true, platformCode: true, handle: true, displayName: true, filingStatus: true, filingNumber: true,
      lifecycle: true, openedAt: true, closedAt: true, isRegistered: true, createdAt: true,
      agency: { select: { name: true, namingRule: true, ancestorIds: true, level: true } },
      lifecycleEvents: { orderBy: { effectiveAt: 'asc' }, select: { lifecycle: true, effectiveAt: true, changes: true, filingNumber: true } },
    },
  });
}

export async function loadSnapshotsForScoring(db: Db, accountIds: string[], w: ScoringWindow) {
  return db.snapshot.findMany({
    where: { accountId: { in: accountIds }, takenAt: { gte: w.since, lte: w.asOf } },
    orderBy: [{ accountId: 'asc' }, { takenAt: 'asc' }],
    select: {
      id: true, accountId: true, takenAt: true, displayName: true, avatarHash: true, isVerified: true, verifiedType: true,
      followersCount: true, isInteractionEnabled: true, hasFeedbackChannel: true,
    },
  });
}

export async function loadPostsForScoring(db: Db, accountIds: string[], w: ScoringWindow) {
  return db.post.findMany({
    where: { accountId: { in: accountIds }, publishedAt: { gte: w.since, lte: w.asOf }, firstSeenAt: { lte: w.asOf } },
    orderBy: [{ accountId: 'asc' }, { publishedAt: 'asc' }, { platformPostId: 'asc' }],
    select: {
      id: true, accountId: true, platformPostId: true, url: true, title: true, text: true, publishedAt: true, editedAt: true,
      deletedDetectedAt: true, isPinned: true, isRepost: true, repostOfText: true, repostOfUrl: true, commentsEnabled: true,
      repostsCount: true, commentsCount: true, likesCount: true, readsCount: true, links: true,
    },
  });
}

export async function loadCommentsForScoring(db: Db, accountIds: string[], w: ScoringWindow) {
  return db.comment.findMany({
    where: { accountId: { in: accountIds }, publishedAt: { gte: w.since, lte: w.asOf } },
    orderBy: [{ accountId: 'asc' }, { publishedAt: 'asc' }, { platformCommentId: 'asc' }],
    select: {
      id: true, accountId: true, postId: true, platformCommentId: true, authorName: true, isOwnReply: true,
      replyToCommentId: true, text: true, publishedAt: true, post: { select: { url: true } },
    },
  });
}

export async function loadAppFactsForScoring(db: Db, accountIds: string[], asOf: Date) {
  const [releases, listings, linkChecks] = await Promise.all([
    db.appRelease.findMany({
      where: { accountId: { in: accountIds }, observedAt: { lte: asOf } },
      orderBy: [{ accountId: 'asc' }, { observedAt: 'asc' }, { version: 'asc' }],
      select: { id: true, accountId: true, store: true, version: true, releasedAt: true, rating: true, ratingCount: true, sellerName: true, sellerId: true, appName: true, observedAt: true },
    }),
    db.storeListing.findMany({
      where: { accountId: { in: accountIds }, observedAt: { lte: asOf } },
      orderBy: [{ accountId: 'asc' }, { storeAppId: 'asc' }],
      select: { id: true, accountId: true, store: true, storeAppId: true, appName: true, sellerName: true, sellerId: true, url: true, observedAt: true },
    }),
    db.linkCheck.findMany({
      where: { accountId: { in: accountIds }, checkedAt: { lte: asOf } },
      orderBy: [{ accountId: 'asc' }, { checkedAt: 'asc' }],
      select: { id: true, accountId: true, url: true, checkedAt: true, httpStatus: true, errorKind: true },
    }),
  ]);
  return { releases, listings, linkChecks };
}

export async function loadCoverageForScoring(db: Db, accountIds: string[], fromDay: string, toDay: string) {
  const rows = await db.crawlCoverage.findMany({
    where: { accountId: { in: accountIds }, day: { gte: dayToDate(fromDay), lte: dayToDate(toDay) } },
    orderBy: [{ accountId: 'asc' }, { day: 'asc' }],
    select: { accountId: true, day: true, status: true },
  });
  return rows.map((r) => ({ accountId: r.accountId, day: dateToDay(r.day), status: r.status }));
}

export async function loadRepostTasksForScoring(db: Db, accountIds: string[], w: ScoringWindow) {
  return db.repostTask.findMany({
    where: { deadline: { gte: w.since, lte: w.asOf }, targets: { some: { accountId: { in: accountIds } } } },
    select: { id: true, title: true, itemUrl: true, matchTerms: true, publishedAt: true, deadline: true, targets: { where: { accountId: { in: accountIds } }, select: { accountId: true } } },
  });
}

export async function loadRecentTexts(db: Db, accountIds: string[], w: ScoringWindow) {
  const rows = await inChunks(accountIds, (ids) =>
    db.post.findMany({
      where: { accountId: { in: ids }, publishedAt: { gt: w.since, lte: w.asOf }, isPinned: false },
      orderBy: { id: 'asc' },
      select: { id: true, accountId: true, text: true },
    }),
  );
  return rows.map((r) => ({ accountId: r.accountId, itemId: r.id, text: r.text }));
}

export async function findStoredDuplicateShares(db: Db, inspectionId: string, accountIds: string[]): Promise<Map<string, number>> {
  const rows = await inChunks(accountIds, (ids) => db.score.findMany({ where: { inspectionId, accountId: { in: ids } }, select: { accountId: true, coverage: true } }));
  const share = (c: unknown) => (c && typeof c === 'object' && 'nearDuplicateShare' in c && typeof c.nearDuplicateShare === 'number' ? c.nearDuplicateShare : 0);
  return new Map(rows.map((r) => [r.accountId, share(r.coverage)]));
}
