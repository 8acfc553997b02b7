import type { Db } from '@/lib/db/types';
import { uuid7 } from '@/lib/ids/uuid7';

export type StoredPostRef = {
  id: string;
  platformPostId: string;
  contentHash: string;
  text: string;
  deletedDetectedAt: Date | null;
};

export type NewPostRow = {
  accountId: string;
  platformPostId: string;
  url: string | null;
  title: string | null;
  text: string;
  contentHash: string;
  publishedAt: Date;
  editedAt: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  isPinned: boolean;
  isRepost: boolean;
  repostOfUrl: string | null;
  repostOfText: string | null;
  commentsEnabled: boolean | null;
  repostsCount: number | null;
  commentsCount: number | null;
  likesCount: number | null;
  readsCount: number | null;
  links: string[];
  source: string | null;
};

export async function findPostsByPlatformIds(
  db: Db,
  accountId: string,
  platformPostIds: string[],
): Promise<StoredPostRef[]> {
  if (platformPostIds.length === 0) return [];
  return db.post.findMany({
    where: { accountId, platformPostId: { in: platformPostIds } },
    select: { id: true, platformPostId: true, contentHash: true, text: true, deletedDetectedAt: true },
  });
}

/**
 * Serializes the post writes of one account until the transaction ends. Under it, a lookup of platform ids followed by
 * createPosts cannot race another ingest of the same account: the unique key (account, platform id) is enforced per
 * month partition only (docs/retention.md), so this lock is what keeps it unique across months.
 */
export async function lockAccountPosts(tx: Db, accountId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`posts:${accountId}`}, 0))`;
}

/**
 * Inserts new posts in one statement with one JSON parameter (no per-row parameters: a crawl's batch or a bulk load
 * costs one round trip). Plain INSERT, no ON CONFLICT (which made it 1.5× slower): the caller passes only platform ids it looked
 * up under lockAccountPosts, and a duplicate that slipped through fails on the partition's unique index instead of
 * being stored twice. Ids are UUIDv7 of the moment, as Prisma's `@default(uuid(7))` makes them: the month partition of
 * `post` is chosen by them. `npm run bench:ingest` measures it against plain COPY.
 */
export async function createPosts(db: Db, rows: NewPostRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const now = Date.now();
  // One JSON parameter: Prisma serializes a string in microseconds, where 22 column arrays cost ~0.1 ms a row.
  const json = JSON.stringify(rows.map((r) => ({ ...r, id: uuid7(now) })));
  return db.$executeRaw`
    INSERT INTO post (id, account_id, platform_post_id, url, title, text, content_hash, published_at, edited_at,
      first_seen_at, last_seen_at, is_pinned, is_repost, repost_of_url, repost_of_text, comments_enabled, reposts_count,
      comments_count, likes_count, reads_count, links, source)
    SELECT r.id, r."accountId", r."platformPostId", r.url, r.title, r.text, r."contentHash", r."publishedAt",
      r."editedAt", r."firstSeenAt", r."lastSeenAt", r."isPinned", r."isRepost", r."repostOfUrl", r."repostOfText",
      r."commentsEnabled", r."repostsCount", r."commentsCount", r."likesCount", r."readsCount", r.links, r.source
    FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, "accountId" uuid, "platformPostId" text, url text,
      title text, text text, "contentHash" text, "publishedAt" timestamptz, "editedAt" timestamptz,
      "firstSeenAt" timestamptz, "lastSeenAt" timestamptz, "isPinned" boolean, "isRepost" boolean,
      "repostOfUrl" text, "repostOfText" text, "commentsEnabled" boolean, "repostsCount" int, "commentsCount" int,
      "likesCount" int, "readsCount" int, links text[], source text)`;
}

export type PostRefresh = Omit<NewPostRow, 'accountId' | 'platformPostId' | 'firstSeenAt' | 'publishedAt'>;

/** Refreshes a seen post; when the text changed, the previous text is kept as a revision. */
/** `asEdit` false (a reparse correcting the parser's reading): the text is replaced without a revision or edit time. */
export async function refreshPost(
  db: Db,
  stored: StoredPostRef,
  next: PostRefresh,
  seenAt: Date,
  asEdit = true,
): Promise<boolean> {
  const isEdited = asEdit && stored.contentHash !== next.contentHash;
  if (isEdited) {
    await db.postRevision.create({
      data: { postId: stored.id, text: stored.text, contentHash: stored.contentHash, seenAt },
    });
  }
  await db.post.update({
    where: { id: stored.id },
    data: {
      ...next,
      editedAt: isEdited ? (next.editedAt ?? seenAt) : (next.editedAt ?? undefined),
      deletedDetectedAt: null,
    },
  });
  return isEdited;
}

export async function markPostsDeleted(
  db: Db,
  accountId: string,
  platformPostIds: string[],
  at: Date,
): Promise<number> {
  if (platformPostIds.length === 0) return 0;
  const result = await db.post.updateMany({
    where: { accountId, platformPostId: { in: platformPostIds }, deletedDetectedAt: null },
    data: { deletedDetectedAt: at },
  });
  return result.count;
}

/**
 * Recomputes the account's dashboard read model `last_post_at` from its posts as stored now: the newest live item by
 * its own publication date, pinned or not (the freshness rule of lib/scoring/coverage.ts itemsPublishedIn; pinning
 * neither freshens an old item nor hides a new one). A recompute, not a max(): a deletion can move it backwards.
 * Leaves the row alone when the value did not change.
 */
export async function refreshAccountLastPostAt(db: Db, accountId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE account a SET last_post_at = p.last_post_at
    FROM (SELECT max(published_at) AS last_post_at FROM post
          WHERE account_id = ${accountId}::uuid AND deleted_detected_at IS NULL) p
    WHERE a.id = ${accountId}::uuid AND a.last_post_at IS DISTINCT FROM p.last_post_at`;
}

/** Live posts published inside a window that the latest crawl did not return: deleted upstream. */
export async function listLivePostIdsInWindow(db: Db, accountId: string, from: Date, to: Date): Promise<string[]> {
  const rows = await db.post.findMany({
    where: { accountId, deletedDetectedAt: null, isPinned: false, publishedAt: { gte: from, lte: to } },
    select: { platformPostId: true },
  });
  return rows.map((r) => r.platformPostId);
}

export async function mapPostIds(db: Db, accountId: string, platformPostIds: string[]): Promise<Map<string, string>> {
  if (platformPostIds.length === 0) return new Map();
  const rows = await db.post.findMany({
    where: { accountId, platformPostId: { in: platformPostIds } },
    select: { id: true, platformPostId: true },
  });
  return new Map(rows.map((r) => [r.platformPostId, r.id]));
}
