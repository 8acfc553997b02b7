import type { CommentInput, PostInput, ProfileInput } from '@/lib/schemas/snapshot';
import { CrawlError } from '../../errors';
import { extractHrefs, htmlToText } from '../../text/html-text';
import type { WeiboCard, WeiboComment, WeiboMblog, WeiboReply, WeiboUser } from './schemas';
import { parseCount, parseWeiboTime } from './values';

export type ParsedPost = PostInput & { isLongTextTruncated: boolean };

const INTERNAL_LINK = /^https?:\/\/(m\.)?weibo\.(cn|com)\/(search|n\/|status\/|detail\/|p\/index|u\/)/;

/** Classifies a non-ok envelope (platform-formats §1.7). `context` tells what was asked for. */
export function classifyEnvelope(envelope: { ok: number; msg?: string; url?: string }, context: 'account' | 'post'): CrawlError {
  const msg = envelope.msg ?? '';
  if (envelope.ok === -100) return new CrawlError('LOGIN_WALL', 'Weibo asks for login (ok:-100); renew the cookie', { retryable: false });
  if (envelope.url && !msg) return new CrawlError('BLOCKED', 'Weibo answered with a verification page (captcha)', { retryable: false });
  if (/封禁|违反|屏蔽/.test(msg)) return new CrawlError('BLOCKED', `Weibo account blocked: ${msg}`, { retryable: false });
  if (/注销/.test(msg)) return new CrawlError('DELETED', `Weibo account closed: ${msg}`, { retryable: false });
  if (context === 'post' && /删除|不存在|暂无查看权限/.test(msg)) return new CrawlError('DELETED', `Weibo post deleted: ${msg}`, { retryable: false });
  if (/这里还没有内容/.test(msg)) return new CrawlError('NOT_FOUND', `Weibo has no such account or it is closed: ${msg}`, { retryable: false });
  return new CrawlError('HTTP', `Weibo ok:${envelope.ok} ${msg}`.trim(), { retryable: false });
}

export function toProfile(user: WeiboUser): ProfileInput {
  const avatar = user.avatar_hd ?? user.profile_image_url ?? null;
  return {
    displayName: user.screen_name,
    avatarUrl: avatar,
    avatarHash: avatar ? avatarKey(avatar) : null,
    description: user.description ?? null,
    isVerified: user.verified ?? null,
    verifiedReason: user.verified_reason ?? null,
    verifiedType: user.verified_type ?? null,
    followersCount: parseCount(user.followers_count),
    followingCount: parseCount(user.follow_count),
    postsCount: parseCount(user.statuses_count),
  };
}

/** The image id in a sinaimg URL is stable across size variants (`orj480`, `crop.0.0.180…`). */
const avatarKey = (url: string) => /\/([0-9A-Za-z]{20,})\.(?:jpg|png|gif)/.exec(url)?.[1] ?? url.replace(/^https?:\/\/[^/]+/, '');

/** Type-9 cards, including those wrapped in card_type 11 groups (230413 container). */
export function mblogCards(cards: (WeiboCard & { card_group?: WeiboCard[] })[]): WeiboCard[] {
  return cards.flatMap((c) => (c.card_type === 11 ? (c.card_group ?? []) : [c])).filter((c) => c.card_type === 9 && c.mblog);
}

export const isPinnedCard = (card: WeiboCard) => card.mblog?.mblogtype === 2 || (card.profile_type_id ?? '').startsWith('proweibotop');

export function weiboLinks(html: string): string[] {
  return extractHrefs(html, 'https://m.weibo.cn/')
    .map((href) => {
      const url = new URL(href);
      return url.hostname === 'weibo.cn' && url.pathname === '/sinaurl' ? (url.searchParams.get('u') ?? href) : href;
    })
    .filter((href) => !INTERNAL_LINK.test(href));
}

function requireTime(raw: string, now: Date, what: string): Date {
  const at = parseWeiboTime(raw, now);
  if (!at) throw new CrawlError('PARSE', `Unreadable Weibo time "${raw}" on ${what}`, { retryable: false });
  return at;
}

export function toPost(card: WeiboCard, uid: string, now: Date): ParsedPost {
  const m: WeiboMblog = card.mblog ?? failMissing();
  const bid = m.bid || /mblogid=(\w+)/.exec(card.scheme ?? '')?.[1] || m.id;
  const html = m.longText?.longTextContent ?? m.text;
  const repost = m.retweeted_status;
  return {
    platformPostId: m.mid ?? m.id,
    url: `https://weibo.com/${uid}/${bid}`,
    title: m.page_info?.type === 'article' ? (m.page_info.page_title ?? null) : null,
    text: htmlToText(html.replace(/\s*\.\.\.<a href="\/status\/\w+">全文<\/a>\s*$/, '')),
    publishedAt: requireTime(m.created_at, now, `post ${m.id}`),
    editedAt: m.edit_at ? parseWeiboTime(m.edit_at, now) : null,
    isPinned: isPinnedCard(card),
    isRepost: Boolean(repost),
    repostOfUrl: repost?.user ? `https://weibo.com/${repost.user.id}/${repost.bid ?? repost.id}` : null,
    repostOfText: repost ? htmlToText(repost.text) : null,
    commentsEnabled: null,
    repostsCount: parseCount(m.reposts_count),
    commentsCount: parseCount(m.comments_count),
    likesCount: parseCount(m.attitudes_count),
    readsCount: null,
    links: weiboLinks(html),
    source: m.source ? htmlToText(m.source) : null,
    comments: [],
    isLongTextTruncated: Boolean(m.isLongText) && !m.longText,
  };
}

function failMissing(): never {
  throw new CrawlError('PARSE', 'Weibo card without mblog', { retryable: false });
}

/** Top-level comments plus inline replies; replies by the account itself are its answers to the public. */
export function toComments(raw: WeiboComment[], uid: string, now: Date): CommentInput[] {
  return raw.flatMap((c) => {
    const top = toComment(c, uid, now, null);
    const replies = Array.isArray(c.comments) ? c.comments.map((r) => toComment(r, uid, now, c.id)) : [];
    return [top, ...replies];
  });
}

function toComment(c: WeiboReply, uid: string, now: Date, parentId: string | null): CommentInput {
  return {
    platformCommentId: c.id,
    authorPlatformId: c.user?.id ?? null,
    authorName: c.user?.screen_name ?? null,
    isOwnReply: c.user?.id === uid,
    replyToPlatformCommentId: parentId ?? (c.rootid && c.rootid !== c.id ? c.rootid : null),
    text: htmlToText(c.text),
    publishedAt: requireTime(c.created_at, now, `comment ${c.id}`),
    likesCount: c.like_count ?? null,
  };
}
