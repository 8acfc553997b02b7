import type { Db } from '@/lib/db/types';

export type StoredPostRef = { id: string; platformPostId: string; contentHash: string; text: string; deletedDetectedAt: Date | null };

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

export async function findPostsByPlatformIds(db: Db, accountId: string, platformPostIds: string[]): Promise<StoredPostRef[]> {
  if (platformPostIds.length === 0) return [];
  return db.post.findMany({
    where: { accountId, platformPostId: { in: platformPostIds } },
    select: { id: true, platformPostId: true, contentHash: true, text: true, deletedDetectedAt: true },
  });
}

export async function createPosts(db: Db, rows: NewPostRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.post.createMany({ data: rows, skipDuplicates: true });
  return result.count;
}

export type PostRefresh = Omit<NewPostRow, 'accountId' | 'platformPostId' | 'firstSeenAt' | 'publishedAt'>;

/** Refreshes a seen post; when the text changed, the previous text is kept as a revision. */
export async function refreshPost(db: Db, stored: StoredPostRef, next: PostRefresh, seenAt: Date): Promise<boolean> {
  const isEdited = stored.contentHash !== next.contentHash;
  if (isEdited) {
    await db.postRevision.create({
      data: { postId: stored.id, text: stored.text, contentHash: stored.contentHash, seenAt },
    });
  }
  await db.post.update({
    where: { id: stored.id },
    data: { ...next, editedAt: isEdited ? (next.editedAt ?? seenAt) : next.editedAt ?? undefined, deletedDetectedAt: null },
  });
  return isEdited;
}

export async function markPostsDeleted(db: Db, accountId: string, platformPostIds: string[], at: Date): Promise<number> {
  if (platformPostIds.length === 0) return 0;
  const result = await db.post.updateMany({
    where: { accountId, platformPostId: { in: platformPostIds }, deletedDetectedAt: null },
    data: { deletedDetectedAt: at },
  });
  return result.count;
}

/**
 * Recomputes the account's dashboard read model `last_post_at` from its posts as stored now. A recompute, not a
 * max(): a deletion or an unpinning can move it backwards. Leaves the row alone when the value did not change.
 */
export async function refreshAccountLastPostAt(db: Db, accountId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE account a SET last_post_at = p.last_post_at
    FROM (SELECT max(published_at) AS last_post_at FROM post
          WHERE account_id = ${accountId}::uuid AND is_pinned = false AND deleted_detected_at IS NULL) p
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
