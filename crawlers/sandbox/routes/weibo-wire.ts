import type { SandboxState } from '../route-types';
import type { SandboxAccount, SandboxComment, SandboxPost } from '../scenario';
import { shanghaiWallClock } from '@/lib/time';

// Serializers for m.weibo.cn wire shapes (docs/platform-formats.md §1.2–§1.5); invented values, real field names.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
export const LONG_TEXT_PREVIEW = 100;

/** `Tue Nov 24 10:12:00 +0800 2026` */
export function weiboTime(at: Date): string {
  const local = shanghaiWallClock(at);
  const clock = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  return `${DAYS[local.getUTCDay()]} ${MONTHS[local.getUTCMonth()]} ${pad(local.getUTCDate())} ${clock} +0800 ${local.getUTCFullYear()}`;
}

export const bidOf = (post: { id: string; bid?: string }) => post.bid ?? `B${post.id.slice(-8)}`;

export function weiboUser(account: SandboxAccount, uid: string) {
  const p = account.profile;
  return {
    id: Number(uid),
    screen_name: p.displayName,
    profile_image_url: p.avatarUrl ?? `https://tvax1.sinaimg.cn/crop.0.0.180.180.180/${uid}.jpg`,
    profile_url: `https://m.weibo.cn/u/${uid}?uid=${uid}&luicode=10000011&lfid=100505${uid}`,
    statuses_count: p.postsCount ?? account.posts.length,
    verified: p.verified,
    verified_type: p.verifiedType,
    ...(p.verifiedReason ? { verified_reason: p.verifiedReason } : {}),
    description: p.description,
    gender: 'm',
    mbtype: 12,
    followers_count: p.followersCount,
    followers_count_str: String(p.followersCount),
    follow_count: p.followingCount,
    avatar_hd: p.avatarUrl ?? `https://wx1.sinaimg.cn/orj480/${uid}.jpg`,
    following: false,
    follow_me: false,
  };
}

export function isVisible(post: SandboxPost, state: SandboxState): boolean {
  return state.time(post.publishedAt) <= state.now() && !(post.deletedAt && state.time(post.deletedAt) <= state.now());
}

export const isLong = (post: SandboxPost) => post.longText ?? post.text.length > 140;

export function mblog(account: SandboxAccount, post: SandboxPost, state: SandboxState, full = false) {
  const uid = account.handle;
  const long = isLong(post);
  const text =
    long && !full ? `${post.text.slice(0, LONG_TEXT_PREVIEW)} ...<a href="/status/${post.id}">全文</a>` : post.text;
  return {
    visible: { type: 0, list_id: 0 },
    created_at: weiboTime(state.time(post.publishedAt)),
    id: post.id,
    idstr: post.id,
    mid: post.id,
    bid: bidOf(post),
    can_edit: false,
    text,
    textLength: post.text.length,
    source: post.source ?? '微博网页版',
    favorited: false,
    pic_ids: [],
    pic_num: 0,
    user: weiboUser(account, uid),
    reposts_count: post.counts.reposts,
    comments_count: post.counts.comments ?? countComments(post.comments),
    attitudes_count: post.counts.likes,
    isLongText: long && !full,
    mblogtype: post.pinned ? 2 : 0,
    ...(post.editedAt
      ? { edit_count: 1, edit_at: weiboTime(state.time(post.editedAt)), edit_config: { edited: true } }
      : {}),
    region_name: '发布于 浙江',
    comment_manage_info: { comment_permission_type: -1, approval_comment_type: 0 },
    ...(post.title ? { page_info: { type: 'article', page_title: post.title } } : {}),
    ...(post.repostOf ? { retweeted_status: retweeted(post.repostOf) } : {}),
    ...post.wire,
  };
}

function retweeted(original: NonNullable<SandboxPost['repostOf']>) {
  if (original.deleted) {
    return {
      id: original.id,
      mid: original.id,
      text: '抱歉，此微博已被作者删除。查看帮助：http://t.cn/Rfd3rQV',
      deleted: '1',
      user: null,
    };
  }
  const userId = original.userId ?? '7000000000';
  return {
    id: original.id,
    mid: original.id,
    bid: original.bid ?? `B${original.id.slice(-8)}`,
    created_at: 'Mon Nov 23 09:00:00 +0800 2026',
    text: original.text,
    user: { id: Number(userId), screen_name: original.userName ?? '转发来源', verified: false, verified_type: -1 },
  };
}

const countComments = (comments: SandboxComment[]) => comments.reduce((sum, c) => sum + 1 + c.replies.length, 0);

export function hotflowComment(comment: SandboxComment, state: SandboxState, floor: number) {
  const base = commentBody(comment, state, comment.id);
  return {
    ...base,
    floor_number: floor,
    restrictOperate: 0,
    comments: comment.replies.length > 0 ? comment.replies.map((r) => commentBody(r, state, comment.id)) : false,
    max_id: 0,
    total_number: comment.replies.length,
    isLikedByMblogAuthor: false,
    more_info_type: 0,
    bid: `C${comment.id.slice(-8)}`,
  };
}

function commentBody(c: Omit<SandboxComment, 'replies'>, state: SandboxState, rootId: string) {
  return {
    created_at: weiboTime(state.time(c.publishedAt)),
    id: Number(c.id),
    rootid: rootId,
    rootidstr: rootId,
    text: c.text,
    disable_reply: 0,
    source: '来自浙江',
    user: { id: Number(c.authorId), screen_name: c.authorName, verified: false, verified_type: -1 },
    mid: c.id,
    like_count: c.likes,
    liked: false,
  };
}
