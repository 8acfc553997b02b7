import { createHash } from 'node:crypto';
import type { Db, PrismaClient } from '@/lib/db/types';
import { upsertAppReleases, upsertStoreListings } from '@/lib/data/app-store';
import { createComments, linkReplies, type NewCommentRow, type ReplyLink } from '@/lib/data/comments';
import { markDayFailed, markDaysCovered } from '@/lib/data/coverage';
import { lockCrawlSlot, upsertFinishedCrawlRun } from '@/lib/data/crawl-runs';
import { replaceParseIssues } from '@/lib/data/parse-issues';
import { findAccountRef } from '@/lib/data/account-refs';
import {
  createPosts,
  lockAccountPosts,
  findPostsByPlatformIds,
  listLivePostIdsInWindow,
  mapPostIds,
  markPostsDeleted,
  refreshAccountLastPostAt,
  refreshPost,
  type NewPostRow,
} from '@/lib/data/posts';
import { storeRunExchanges } from '@/lib/data/raw-archive';
import { createSnapshot, replaceRunSnapshot } from '@/lib/data/snapshots';
import { notFound } from '@/lib/errors';
import {
  FACTS_READ,
  snapshotInputSchema,
  type FactReadCode,
  type PostInput,
  type SnapshotInput,
} from '@/lib/schemas/snapshot';
import { DAY_MS, shanghaiDay, shanghaiDaysBetween, shanghaiDayStart } from '@/lib/time';
import { matchRepostTargets } from './match-repost-targets';
import { recordEndpointHealth } from './record-endpoint-health';

/**
 * `reparse` re-derives a stored run from its archived answers (scripts/cli/reparse.ts): the run's snapshot is replaced
 * rather than added, a changed text is a correction (no revision, no edit time), the exchanges are kept as archived
 * and the health counters are not counted again (no request was made).
 */
export type IngestOptions = { now: Date; slotKey?: string; startedAt?: Date; mode?: 'crawl' | 'reparse' };
export type IngestSummary = {
  crawlRunId: string;
  status: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  postsCreated: number;
  postsEdited: number;
  postsDeleted: number;
  commentsCreated: number;
  coveredDays: string[];
  /** COVERED, or PARTIAL when the crawl skipped unreadable items (parse issues) inside its window. */
  coverageStatus: 'COVERED' | 'PARTIAL' | null;
  parseIssues: number;
  failedDay: string | null;
};

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
export async function ingestSnapshot(
  db: PrismaClient,
  raw: SnapshotInput,
  options: IngestOptions,
): Promise<IngestSummary> {
  const input = snapshotInputSchema.parse(raw);
  return db.$transaction((tx) => ingestInTransaction(tx, input, options), { timeout: 120_000, maxWait: 60_000 });
}

async function ingestInTransaction(tx: Db, input: SnapshotInput, options: IngestOptions): Promise<IngestSummary> {
  const account = await findAccountRef(tx, input.accountId);
  if (!account) throw notFound('account', { accountId: input.accountId });
  const { outcome, coverage } = input;
  const parseIssues = input.parseIssues ?? [];
  const facts = factsReadOf(input);
  // A skipped item means the crawl did not see everything: the run is partial whatever the crawler said.
  const complete = outcome.ok && !outcome.partial && parseIssues.length === 0;
  const isReparse = options.mode === 'reparse';
  const replay = !isReparse && input.capture ? input.capture.replay : null;
  const status = outcome.ok ? (complete ? 'SUCCEEDED' : 'PARTIAL') : 'FAILED';
  const slotKey = options.slotKey ?? `${input.accountId}:${input.fetchedAt.toISOString()}`;
  // A slot ingested again (a retried job whose first attempt had committed before its worker died or its database
  // connection was cut) replaces its run's snapshot instead of adding a second one.
  const isRepeat = await lockCrawlSlot(tx, slotKey);
  const run = await upsertFinishedCrawlRun(tx, {
    accountId: input.accountId,
    slotKey,
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
    factsRead: facts,
    fetchedAt: input.fetchedAt,
    replayInput: replay ? { ...replay, since: replay.since.toISOString() } : undefined,
    snapshotDigest: snapshotDigest(input),
    reparsedAt: isReparse ? options.now : undefined,
  });
  await replaceParseIssues(tx, run.id, parseIssues);
  if (input.capture && !isReparse) {
    const stored = await storeRunExchanges(tx, run.id, input.capture.exchanges);
    await recordEndpointHealth(tx, input, stored);
  }
  if (input.profile) {
    if (isReparse || isRepeat) await replaceRunSnapshot(tx, input.accountId, run.id, input.fetchedAt, input.profile);
    else await createSnapshot(tx, input.accountId, run.id, input.fetchedAt, input.profile);
  }

  const { created, edited } = await storePosts(tx, input.accountId, input.posts, input.fetchedAt, !isReparse);
  const commentsCreated = await storeComments(tx, input.accountId, input.posts, input.fetchedAt);
  const postsDeleted = await detectDeletions(tx, input, complete);
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
  const coverageStatus = !outcome.ok || !coverage ? null : parseIssues.length > 0 ? 'PARTIAL' : 'COVERED';
  if (outcome.ok && coverage && coverageStatus) {
    days = coveredDays(coverage.from, coverage.to);
    await markDaysCovered(tx, input.accountId, days, run.id, coverageStatus, facts);
  } else if (!outcome.ok) {
    failedDay = shanghaiDay(input.fetchedAt);
    await markDayFailed(tx, input.accountId, failedDay, outcome.kind, run.id);
  }
  return {
    crawlRunId: run.id,
    status,
    postsCreated: created,
    postsEdited: edited,
    postsDeleted,
    commentsCreated,
    coveredDays: days,
    coverageStatus,
    parseIssues: parseIssues.length,
    failedDay,
  };
}

/** sha256 of what the crawl derived (everything but the captured answers): `reparse` compares it to see a change. */
export function snapshotDigest(input: SnapshotInput): string {
  const { capture: _capture, ...derived } = input;
  return createHash('sha256').update(JSON.stringify(derived)).digest('hex');
}

/**
 * What this crawl read, as stored on its run and its covered days. A failed crawl read nothing. A crawler that does
 * not declare its facts is credited only with what the snapshot proves (comments only when some came back).
 */
export function factsReadOf(input: SnapshotInput): FactReadCode[] {
  if (!input.outcome.ok) return [];
  const proven: FactReadCode[] = [
    ...(input.coverage ? (['posts'] as const) : []),
    ...(input.posts.some((p) => p.comments.length > 0) ? (['comments'] as const) : []),
    ...(input.profile ? (['profile'] as const) : []),
    ...(input.appReleases.length > 0 ? (['listing'] as const) : []),
  ];
  const declared = input.factsRead ?? proven;
  // A declared fact the snapshot cannot carry (posts without a window, a profile or listing it does not hold) was not read.
  const carried: Record<FactReadCode, boolean> = {
    posts: input.coverage !== null,
    comments: true,
    profile: input.profile !== null,
    listing: input.appReleases.length > 0,
  };
  return FACTS_READ.filter((f) => declared.includes(f) && carried[f]);
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

async function storePosts(tx: Db, accountId: string, posts: PostInput[], seenAt: Date, keepRevisions: boolean) {
  await lockAccountPosts(tx, accountId);
  const stored = await findPostsByPlatformIds(
    tx,
    accountId,
    posts.map((p) => p.platformPostId),
  );
  const byPlatformId = new Map(stored.map((s) => [s.platformPostId, s]));
  const fresh: NewPostRow[] = [];
  let edited = 0;
  for (const p of posts) {
    const fields = { ...toPostFields(p), lastSeenAt: seenAt };
    const existing = byPlatformId.get(p.platformPostId);
    if (existing) {
      if (await refreshPost(tx, existing, fields, seenAt, keepRevisions)) edited += 1;
    } else if (!fresh.some((f) => f.platformPostId === p.platformPostId)) {
      fresh.push({
        ...fields,
        accountId,
        platformPostId: p.platformPostId,
        publishedAt: p.publishedAt,
        firstSeenAt: seenAt,
      });
    }
  }
  return { created: await createPosts(tx, fresh), edited };
}

async function storeComments(tx: Db, accountId: string, posts: PostInput[], seenAt: Date): Promise<number> {
  const withComments = posts.filter((p) => p.comments.length > 0);
  const postIds = await mapPostIds(
    tx,
    accountId,
    withComments.map((p) => p.platformPostId),
  );
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
        links.push({
          postId,
          platformCommentId: c.platformCommentId,
          replyToPlatformCommentId: c.replyToPlatformCommentId,
        });
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
