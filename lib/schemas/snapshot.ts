import { z } from 'zod';
import { beijingInstantSchema } from './day';
import { crawledText } from './text';
import { appStoreSchema, crawlErrorKindSchema, platformCodeSchema } from './enums';

// The normalized output of every crawler and the input of the ingest service.
// Crawlers never write the database; they return one SnapshotInput per account per attempt.

// Platform text: NUL dropped and lone surrogates replaced so a hostile post cannot fail its whole ingest.
const text = crawledText();
const count = z.number().int().nonnegative().nullable().optional();

export const profileInputSchema = z.object({
  displayName: text.min(1),
  avatarUrl: z.string().nullable().optional(),
  /// Stable hash of the avatar image or URL path, to detect avatar changes.
  avatarHash: z.string().nullable().optional(),
  description: crawledText().nullable().optional(),
  isVerified: z.boolean().nullable().optional(),
  verifiedReason: crawledText().nullable().optional(),
  verifiedType: z.number().int().nullable().optional(),
  followersCount: count,
  followingCount: count,
  postsCount: count,
  /// null/undefined = platform does not expose it.
  isInteractionEnabled: z.boolean().nullable().optional(),
  hasFeedbackChannel: z.boolean().nullable().optional(),
  ipLocation: z.string().nullable().optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export const commentInputSchema = z.object({
  platformCommentId: text.min(1),
  authorPlatformId: z.string().nullable().optional(),
  authorName: crawledText().nullable().optional(),
  /// True when the monitored account wrote it (a reply to the public).
  isOwnReply: z.boolean(),
  replyToPlatformCommentId: z.string().nullable().optional(),
  text,
  publishedAt: z.date(),
  likesCount: count,
});
export type CommentInput = z.infer<typeof commentInputSchema>;

export const postInputSchema = z.object({
  platformPostId: text.min(1),
  url: z.string().nullable().optional(),
  title: crawledText().nullable().optional(),
  /// Plain text (HTML stripped by the crawler); detectors' span offsets index into this string.
  text,
  publishedAt: z.date(),
  editedAt: z.date().nullable().optional(),
  isPinned: z.boolean().default(false),
  isRepost: z.boolean().default(false),
  repostOfUrl: z.string().nullable().optional(),
  repostOfText: crawledText().nullable().optional(),
  commentsEnabled: z.boolean().nullable().optional(),
  repostsCount: count,
  commentsCount: count,
  likesCount: count,
  readsCount: count,
  links: z.array(z.string()).default([]),
  source: z.string().nullable().optional(),
  /// Comments fetched for this post (public comments and the account's own replies).
  comments: z.array(commentInputSchema).default([]),
});
export type PostInput = z.infer<typeof postInputSchema>;

export const appReleaseInputSchema = z.object({
  store: appStoreSchema,
  version: text.min(1),
  releasedAt: z.date().nullable().optional(),
  rating: z.number().min(0).max(5).nullable().optional(),
  ratingCount: count,
  sellerName: crawledText().nullable().optional(),
  sellerId: z.string().nullable().optional(),
  appName: text.min(1),
  hasFeedbackChannel: z.boolean().nullable().optional(),
});
export type AppReleaseInput = z.infer<typeof appReleaseInputSchema>;

export const storeListingInputSchema = z.object({
  store: appStoreSchema,
  storeAppId: text.min(1),
  appName: text.min(1),
  sellerName: crawledText().nullable().optional(),
  sellerId: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
});
export type StoreListingInput = z.infer<typeof storeListingInputSchema>;

export const crawlOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), partial: z.boolean().default(false) }),
  z.object({
    ok: z.literal(false),
    kind: crawlErrorKindSchema,
    message: z.string(),
    httpStatus: z.number().int().nullable().optional(),
    retryable: z.boolean(),
  }),
]);
export type CrawlOutcome = z.infer<typeof crawlOutcomeSchema>;

/// Bound on the raw item kept with a parse issue: enough to see the odd field, small enough for a table row.
export const PARSE_ISSUE_RAW_MAX = 8000;

/// An item a crawler skipped because it did not match the wire schema (docs/crawlers.md "Tolerant reading").
export const parseIssueInputSchema = z.object({
  endpoint: z.string().min(1).max(200),
  itemKey: z.string().max(200).nullable().optional(),
  path: z.string().max(500),
  message: z.string().max(1000),
  rawJson: z.string().max(PARSE_ISSUE_RAW_MAX),
});
export type ParseIssueInput = z.infer<typeof parseIssueInputSchema>;

/**
 * Facts a crawl can read. Each crawler route declares only what it requested and read (docs/scoring.md "What counts
 * as read"): `posts` the timeline of the coverage window, `comments` the comments (with the account's replies) of those
 * items, `profile` the account's profile, `listing` the app's store listing. A rule needing a fact not read is
 * INSUFFICIENT_DATA with a reason, never CLEAR.
 */
export const FACTS_READ = ['posts', 'comments', 'profile', 'listing'] as const;
export const factReadSchema = z.enum(FACTS_READ);
export type FactReadCode = z.infer<typeof factReadSchema>;

/// One request of a crawl as the capturing HTTP client saw it (crawlers/archive/capture.ts); ingest archives the body.
export const capturedExchangeSchema = z.object({
  seq: z.number().int().nonnegative(),
  requestKey: z.string().min(1).max(4000),
  endpoint: z.string().min(1).max(200),
  /// Secret-free URL of the answer (after redirects).
  url: z.string().max(4000),
  status: z.number().int().nullable(),
  contentType: z.string().max(200).nullable(),
  /// The body as received; null when the request failed or the capture bound was reached.
  body: z.string().nullable(),
  errorKind: crawlErrorKindSchema.nullable(),
  errorMessage: z.string().max(500).nullable(),
  parseFailed: z.boolean(),
  fetchedAt: z.date(),
});
export type CapturedExchange = z.infer<typeof capturedExchangeSchema>;

/// What `reparse` needs to run the same crawl offline (stored on crawl_run.replay_input).
export const replayInputSchema = z.object({
  /// An ISO instant as stored; a bare YYYY-MM-DD is a Beijing day (its first instant), never UTC midnight.
  since: beijingInstantSchema('start'),
  knownPostIds: z.array(z.string()).default([]),
  /// Base URLs the crawl used (crawlers/origins.ts): replay builds the same request URLs, hence the same keys.
  origins: z.record(z.string(), z.string()).optional(),
  /// false when some body was beyond the capture bound: such a run cannot be re-derived.
  captureComplete: z.boolean(),
});
export type ReplayInput = z.infer<typeof replayInputSchema>;

export const snapshotInputSchema = z.object({
  accountId: z.string().min(1),
  platform: platformCodeSchema,
  fetchedAt: z.date(),
  outcome: crawlOutcomeSchema,
  profile: profileInputSchema.nullable(),
  posts: z.array(postInputSchema).default([]),
  /// Window in which the crawler saw every item; null when it observed nothing reliable.
  coverage: z.object({ from: z.date(), to: z.date() }).nullable(),
  /// Platform post ids that the platform now reports as deleted (or that vanished inside the covered window).
  deletedPostIds: z.array(z.string()).default([]),
  appReleases: z.array(appReleaseInputSchema).default([]),
  storeListings: z.array(storeListingInputSchema).default([]),
  /// What the crawl read; when absent, ingest infers only what the snapshot itself proves (factsReadOf in ingest).
  factsRead: z.array(factReadSchema).optional(),
  /// Items skipped on otherwise readable pages; any of them makes the covered days PARTIAL, never COVERED.
  parseIssues: z.array(parseIssueInputSchema).max(500).optional(),
  /// The upstream answers the crawl used, for the raw archive and the interface health counters (docs/crawlers.md).
  capture: z.object({ exchanges: z.array(capturedExchangeSchema).max(5000), replay: replayInputSchema }).optional(),
});
export type SnapshotInput = z.infer<typeof snapshotInputSchema>;
