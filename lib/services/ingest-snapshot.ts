import { createHash } from 'node:crypto';
import type { Db, PrismaClient } from '@/lib/db/types';
import { upsertAppReleases, upsertStoreListings } from '@/lib/data/app-store';
import { createComments, linkReplies, type NewCommentRow, type ReplyLink } from '@/lib/data/comments';
import { markDayFailed, markDaysCovered } from '@/lib/data/coverage';
import { upsertFinishedCrawlRun } from '@/lib/data/crawl-runs';
import { findAccountRef } from '@/lib/data/account-refs';
import {
  createPosts,
  findPostsByPlatformIds,
  listLivePostIdsInWindow,
  mapPostIds,
  markPostsDeleted,
  refreshAccountLastPostAt,
  refreshPost,
  type NewPostRow,
} from '@/lib/data/posts';
import { createSnapshot } from '@/lib/data/snapshots';
import { notFound } from '@/lib/errors';
import { snapshotInputSchema, type PostInput, type SnapshotInput } from '@/lib/schemas/snapshot';
import { shanghaiDay, shanghaiDayStart, shanghaiDaysBetween } from '@/lib/time';
import { matchRepostTargets } from './match-repost-targets';

export type IngestOptions = { now: Date; slotKey?: string; startedAt?: Date };
export type IngestSummary = {
  crawlRunId: string;
  status: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  postsCreated: number;
  postsEdited: number;
  postsDeleted: number;
  commentsCreated: number;
  coveredDays: string[];
  failedDay: string | null;
};

const DAY_MS = 86_400_000;
export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Days a coverage window fully vouches for: a day counts once the window reaches back to its start (or it is the last day). */
export function coveredDays(from: Date, to: Date): string[] {
  const firstDayStart = shanghaiDayStart(shanghaiDay(from));
  const start = firstDayStart.getTime() === from.getTime() ? from : new Date(firstDayStart.getTime() + DAY_MS);
  return shanghaiDaysBetween(start, to);
}

/**
 * Stores one crawl result idempotently: profile snapshot, posts (edits kept as revisions, deletions detected) and
 * the account's last post time, comments with reply links, app metadata, the CrawlRun row and per-day coverage.
 */
export async function ingestSnapshot(db: PrismaClient, raw: SnapshotInput, options: IngestOptions): Promise<IngestSummary> {
  const input = snapshotInputSchema.parse(raw);
  return db.$transaction((tx) => ingestInTransaction(tx, input, options), { timeout: 120_000, maxWait: 60_000 });
}

async function ingestInTransaction(tx: Db, input: SnapshotInput, options: IngestOptions): Promise<IngestSummary> {
  const account = await findAccountRef(tx, input.accountId);
  if (!account) throw notFound(`account ${input.accountId}`);
  const { outcome, coverage } = input;
  const status = outcome.ok ? (outcome.partial ? 'PARTIAL' : 'SUCCEEDED') : 'FAILED';
  const run = await upsertFinishedCrawlRun(tx, {
    accountId: input.accountId,
    slotKey: options.slotKey ?? `${input.accountId}:${input.fetchedAt.toISOString()}`,
    status,
    errorKind: outcome.ok ? null : outcome.kind,
    errorMessage: outcome.ok ? null : outcome.message,
    httpStatus: outcome.ok ? null : (outcome.httpStatus ?? null),
    startedAt: options.startedAt ?? input.fetchedAt,
    finishedAt: options.now,
    coverageFrom: outcome.ok ? (coverage?.from ?? null) : null,
    coverageTo: outcome.ok ? (coverage?.to ?? null) : null,
    postsSeen: input.posts.length,
    commentsSeen: input.posts.reduce((n, p) => n + p.comments.length, 0),
  });
  if (input.profile) await createSnapshot(tx, input.accountId, run.id, input.fetchedAt, input.profile);

  const { created, edited } = await storePosts(tx, input.accountId, input.posts, input.fetchedAt);
  const commentsCreated = await storeComments(tx, input.accountId, input.posts, input.fetchedAt);
  const postsDeleted = await detectDeletions(tx, input, outcome.ok && !outcome.partial);
  // Only stored posts move it; a crawl that returned none and deleted none leaves it as it was.
  if (input.posts.length > 0 || postsDeleted > 0) await refreshAccountLastPostAt(tx, input.accountId);
  if (created + edited > 0) {
    const postedSince = input.posts.reduce((min, p) => (p.publishedAt < min ? p.publishedAt : min), input.fetchedAt);
    await matchRepostTargets(tx, { accountIds: [input.accountId], postedSince });
  }
  await upsertAppReleases(tx, input.accountId, input.appReleases, input.fetchedAt);
  await upsertStoreListings(tx, input.accountId, input.storeListings, input.fetchedAt);

  let days: string[] = [];
  let failedDay: string | null = null;
  if (outcome.ok && coverage) {
    days = coveredDays(coverage.from, coverage.to);
    await markDaysCovered(tx, input.accountId, days, run.id);
  } else if (!outcome.ok) {
    failedDay = shanghaiDay(input.fetchedAt);
    await markDayFailed(tx, input.accountId, failedDay, outcome.kind, run.id);
  }
  return { crawlRunId: run.id, status, postsCreated: created, postsEdited: edited, postsDeleted, commentsCreated, coveredDays: days, failedDay };
}

function toPostFields(p: PostInput) {
  return {
    url: p.url ?? null,
    title: p.title ?? null,
    text: p.text,
    contentHash: contentHash(`${p.title ?? ''}\n${p.text}`),
    editedAt: p.editedAt ?? null,
    isPinned: p.isPinned,
    isRepost: p.isRepost,
    repostOfUrl: p.repostOfUrl ?? null,
    repostOfText: p.repostOfText ?? null,
    commentsEnabled: p.commentsEnabled ?? null,
    repostsCount: p.repostsCount ?? null,
    commentsCount: p.commentsCount ?? null,
    likesCount: p.likesCount ?? null,
    readsCount: p.readsCount ?? null,
    links: p.links,
    source: p.source ?? null,
  };
}

async function storePosts(tx: Db, accountId: string, posts: PostInput[], seenAt: Date) {
  const stored = await findPostsByPlatformIds(tx, accountId, posts.map((p) => p.platformPostId));
  const byPlatformId = new Map(stored.map((s) => [s.platformPostId, s]));
  const fresh: NewPostRow[] = [];
  let edited = 0;
  for (const p of posts) {
    const fields = { ...toPostFields(p), lastSeenAt: seenAt };
    const existing = byPlatformId.get(p.platformPostId);
    if (existing) {
      if (await refreshPost(tx, existing, fields, seenAt)) edited += 1;
    } else if (!fresh.some((f) => f.platformPostId === p.platformPostId)) {
      fresh.push({ ...fields, accountId, platformPostId: p.platformPostId, publishedAt: p.publishedAt, firstSeenAt: seenAt });
    }
  }
  return { created: await createPosts(tx, fresh), edited };
}

async function storeComments(tx: Db, accountId: string, posts: PostInput[], seenAt: Date): Promise<number> {
  const withComments = posts.filter((p) => p.comments.length > 0);
  const postIds = await mapPostIds(tx, accountId, withComments.map((p) => p.platformPostId));
  const rows: NewCommentRow[] = [];
  const links: ReplyLink[] = [];
  for (const p of withComments) {
    const postId = postIds.get(p.platformPostId);
    if (!postId) continue;
    for (const c of p.comments) {
      rows.push({
        postId,
        accountId,
        platformCommentId: c.platformCommentId,
        authorPlatformId: c.authorPlatformId ?? null,
        authorName: c.authorName ?? null,
        isOwnReply: c.isOwnReply,
        text: c.text,
        publishedAt: c.publishedAt,
        likesCount: c.likesCount ?? null,
        firstSeenAt: seenAt,
      });
      if (c.replyToPlatformCommentId) {
        links.push({ postId, platformCommentId: c.platformCommentId, replyToPlatformCommentId: c.replyToPlatformCommentId });
      }
    }
  }
  const created = await createComments(tx, rows);
  await linkReplies(tx, links);
  return created;
}

async function detectDeletions(tx: Db, input: SnapshotInput, isComplete: boolean): Promise<number> {
  const deleted = new Set(input.deletedPostIds);
  if (isComplete && input.coverage) {
    const seen = new Set(input.posts.map((p) => p.platformPostId));
    const live = await listLivePostIdsInWindow(tx, input.accountId, input.coverage.from, input.coverage.to);
    for (const id of live) if (!seen.has(id)) deleted.add(id);
  }
  return markPostsDeleted(tx, input.accountId, [...deleted], input.fetchedAt);
}
