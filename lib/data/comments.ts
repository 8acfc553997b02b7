import type { Db } from '@/lib/db/types';
import { uuid7 } from '@/lib/ids/uuid7';

export type NewCommentRow = {
  postId: string;
  accountId: string;
  platformCommentId: string;
  authorPlatformId: string | null;
  authorName: string | null;
  isOwnReply: boolean;
  text: string;
  publishedAt: Date;
  likesCount: number | null;
  firstSeenAt: Date;
};

/**
 * Inserts the comments not stored yet. `comment` is partitioned by the month of its id and (post_id,
 * platform_comment_id) is unique per partition only (docs/retention.md), so a comment seen again a month later is
 * looked up across all partitions rather than left to ON CONFLICT, which covers repeats within the batch.
 */
export async function createComments(db: Db, rows: NewCommentRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const now = Date.now();
  const json = JSON.stringify(rows.map((r) => ({ ...r, id: uuid7(now) })));
  return db.$executeRaw`
    INSERT INTO comment (id, post_id, account_id, platform_comment_id, author_platform_id, author_name, is_own_reply,
      text, published_at, likes_count, first_seen_at)
    SELECT r.id, r."postId", r."accountId", r."platformCommentId", r."authorPlatformId", r."authorName",
      r."isOwnReply", r.text, r."publishedAt", r."likesCount", r."firstSeenAt"
    FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, "postId" uuid, "accountId" uuid, "platformCommentId" text,
      "authorPlatformId" text, "authorName" text, "isOwnReply" boolean, text text, "publishedAt" timestamptz,
      "likesCount" int, "firstSeenAt" timestamptz)
    WHERE NOT EXISTS (SELECT 1 FROM comment c WHERE c.post_id = r."postId" AND c.platform_comment_id = r."platformCommentId")
    ON CONFLICT DO NOTHING`;
}

export type ReplyLink = { postId: string; platformCommentId: string; replyToPlatformCommentId: string };

/** Resolves reply-to links by platform id, after both ends are stored (they may arrive in either order). */
export async function linkReplies(db: Db, links: ReplyLink[]): Promise<void> {
  if (links.length === 0) return;
  await db.$executeRaw`
    UPDATE comment AS child
    SET reply_to_comment_id = parent.id
    FROM unnest(${links.map((l) => l.postId)}::uuid[], ${links.map((l) => l.platformCommentId)}::text[],
                ${links.map((l) => l.replyToPlatformCommentId)}::text[]) AS l(post_id, cid, parent_cid)
    JOIN comment AS parent ON parent.post_id = l.post_id AND parent.platform_comment_id = l.parent_cid
    WHERE child.post_id = l.post_id AND child.platform_comment_id = l.cid
      AND child.reply_to_comment_id IS DISTINCT FROM parent.id`;
}
