import type { Db } from '@/lib/db/types';
import { loadBonusAwardsForScoring } from '@/lib/data/bonus-awards';
import { listFirstAccountIds } from '@/lib/data/scoring-config';
import {
  loadAccountsForScoring,
  loadAppFactsForScoring,
  loadCommentsForScoring,
  loadCoverageForScoring,
  loadListingLookupsForScoring,
  loadPostsForScoring,
  loadReadThroughForScoring,
  loadRepostTasksForScoring,
  loadSnapshotsForScoring,
} from '@/lib/data/scoring-inputs';
import type { AccountHistory, FactRead } from '@/lib/scoring';
import { FACTS_READ } from '@/lib/schemas/snapshot';
import { DAY_MS, shanghaiDay } from '@/lib/time';

const APP_PLATFORMS = new Set(['APP_IOS', 'APP_ANDROID']);

const groupBy = <T extends { accountId: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.accountId, [...(map.get(r.accountId) ?? []), r]);
  return map;
};

const isFact = (f: string): f is FactRead => (FACTS_READ as readonly string[]).includes(f);

const changedFields = (changes: unknown): string[] =>
  changes && typeof changes === 'object' ? Object.keys(changes) : [];

/** Loads the facts about `asOf` for a batch of accounts (lib/data/scoring-inputs.ts) and shapes them for lib/scoring. */
export async function buildAccountHistories(
  db: Db,
  accountIds: string[],
  asOf: Date,
  lookbackDays: number,
  duplicateShares: Map<string, number>,
): Promise<AccountHistory[]> {
  const w = { asOf, since: new Date(asOf.getTime() - lookbackDays * DAY_MS) };
  const [accounts, snapshots, posts, comments, app, coverage, tasks, bonusAwards, lookups, reads] = await Promise.all([
    loadAccountsForScoring(db, accountIds),
    loadSnapshotsForScoring(db, accountIds, w),
    loadPostsForScoring(db, accountIds, w),
    loadCommentsForScoring(db, accountIds, w),
    loadAppFactsForScoring(db, accountIds, asOf),
    loadCoverageForScoring(db, accountIds, shanghaiDay(w.since), shanghaiDay(asOf)),
    loadRepostTasksForScoring(db, accountIds, w),
    loadBonusAwardsForScoring(db, accountIds, asOf),
    loadListingLookupsForScoring(db, accountIds, w),
    loadReadThroughForScoring(db, accountIds),
  ]);
  const readThrough = new Map(reads.map((r) => [r.accountId, r.readThrough]));
  const firsts = await listFirstAccountIds(db, [...new Set(accounts.map((a) => a.agencyId))]);
  const [snapBy, postBy, commentBy, coverageBy] = [
    groupBy(snapshots),
    groupBy(posts),
    groupBy(comments),
    groupBy(coverage),
  ];
  const [releaseBy, listingBy, linkBy, bonusBy, lookupBy] = [
    groupBy(app.releases),
    groupBy(app.listings),
    groupBy(app.linkChecks),
    groupBy(bonusAwards),
    groupBy(lookups),
  ];
  return [...accounts]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((a) => ({
      account: {
        id: a.id,
        platformCode: a.platformCode,
        displayName: a.displayName,
        isApp: APP_PLATFORMS.has(a.platformCode),
        filingStatus: a.filingStatus,
        namingRule: a.agency.namingRule,
        isFirstOfAgencyPlatform: firsts.has(a.id),
      },
      posts: (postBy.get(a.id) ?? []).map((p) => ({
        id: p.id,
        platformId: p.platformPostId,
        url: p.url,
        title: p.title,
        text: p.text,
        publishedAt: p.publishedAt,
        isPinned: p.isPinned,
        isRepost: p.isRepost,
        repostOfText: p.repostOfText,
        repostOfUrl: p.repostOfUrl,
        links: p.links,
        commentsEnabled: p.commentsEnabled,
        deletedAt: p.deletedDetectedAt && p.deletedDetectedAt <= asOf ? p.deletedDetectedAt : null,
        likes: p.likesCount,
        reposts: p.repostsCount,
        comments: p.commentsCount,
      })),
      comments: (commentBy.get(a.id) ?? []).map((c) => ({
        id: c.id,
        postId: c.postId,
        url: c.post.url,
        text: c.text,
        publishedAt: c.publishedAt,
        isOwnReply: c.isOwnReply,
        replyToId: c.replyToCommentId,
      })),
      snapshots: (snapBy.get(a.id) ?? []).map((s) => ({
        id: s.id,
        takenAt: s.takenAt,
        displayName: s.displayName,
        avatarHash: s.avatarHash,
        isVerified: s.isVerified,
        followersCount: s.followersCount,
        isInteractionEnabled: s.isInteractionEnabled,
        hasFeedbackChannel: s.hasFeedbackChannel,
      })),
      appReleases: (releaseBy.get(a.id) ?? []).map((r) => ({
        id: r.id,
        version: r.version,
        releasedAt: r.releasedAt,
        rating: r.rating,
        ratingCount: r.ratingCount,
        sellerName: r.sellerName,
        sellerId: r.sellerId,
        appName: r.appName,
        observedAt: r.observedAt,
      })),
      storeListings: (listingBy.get(a.id) ?? []).map((l) => ({
        id: l.id,
        storeAppId: l.storeAppId,
        appName: l.appName,
        sellerName: l.sellerName,
        sellerId: l.sellerId,
        url: l.url,
      })),
      linkChecks: (linkBy.get(a.id) ?? []).map((l) => ({
        id: l.id,
        url: l.url,
        checkedAt: l.checkedAt,
        httpStatus: l.httpStatus,
        isFailure: l.errorKind !== null || (l.httpStatus ?? 0) >= 400,
      })),
      coverage: new Map((coverageBy.get(a.id) ?? []).map((c) => [c.day, c.status])),
      factsByDay: new Map(
        (coverageBy.get(a.id) ?? [])
          .filter((c) => c.status !== 'FAILED')
          .map((c) => [c.day, new Set(c.facts.filter(isFact))]),
      ),
      readThrough: readThrough.get(a.id) ?? null,
      listingLookups: (lookupBy.get(a.id) ?? []).map((l) => ({ at: l.at, found: l.found })),
      // Only a change recorded with its filing number (备案号) is filed; anything else may be a hijack (V1.4).
      filedChanges: a.lifecycleEvents
        .filter((e) => e.effectiveAt <= asOf && !!e.filingNumber?.trim())
        .map((e) => ({ effectiveAt: e.effectiveAt, fields: changedFields(e.changes) })),
      repostTasks: tasks
        .filter((t) => t.targets.some((x) => x.accountId === a.id))
        .map((t) => ({
          id: t.id,
          title: t.title,
          matchTerms: t.matchTerms,
          itemUrl: t.itemUrl,
          publishedAt: t.publishedAt,
          deadline: t.deadline,
        })),
      nearDuplicateShare: duplicateShares.get(a.id) ?? 0,
      bonusAwards: (bonusBy.get(a.id) ?? []).map((b) => ({ code: b.itemCode, awardedAt: b.awardedAt })),
    }));
}
