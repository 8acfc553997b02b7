import { z } from 'zod';
import { appStoreSchema, crawlErrorKindSchema, platformCodeSchema } from './enums';

// The normalized output of every crawler and the input of the ingest service.
// Crawlers never write the database; they return one SnapshotInput per account per attempt.

const text = z.string();
const count = z.number().int().nonnegative().nullable().optional();

export const profileInputSchema = z.object({
  displayName: text.min(1),
  avatarUrl: z.string().nullable().optional(),
  /// Stable hash of the avatar image or URL path, to detect avatar changes.
  avatarHash: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  isVerified: z.boolean().nullable().optional(),
  verifiedReason: z.string().nullable().optional(),
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
  authorName: z.string().nullable().optional(),
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
  title: z.string().nullable().optional(),
  /// Plain text (HTML stripped by the crawler); detectors' span offsets index into this string.
  text,
  publishedAt: z.date(),
  editedAt: z.date().nullable().optional(),
  isPinned: z.boolean().default(false),
  isRepost: z.boolean().default(false),
  repostOfUrl: z.string().nullable().optional(),
  repostOfText: z.string().nullable().optional(),
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
  sellerName: z.string().nullable().optional(),
  sellerId: z.string().nullable().optional(),
  appName: text.min(1),
  hasFeedbackChannel: z.boolean().nullable().optional(),
});
export type AppReleaseInput = z.infer<typeof appReleaseInputSchema>;

export const storeListingInputSchema = z.object({
  store: appStoreSchema,
  storeAppId: text.min(1),
  appName: text.min(1),
  sellerName: z.string().nullable().optional(),
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
});
export type SnapshotInput = z.infer<typeof snapshotInputSchema>;
