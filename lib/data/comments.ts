import type { Db } from '@/lib/db/types';

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

export async function createComments(db: Db, rows: NewCommentRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.comment.createMany({ data: rows, skipDuplicates: true });
  return result.count;
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
