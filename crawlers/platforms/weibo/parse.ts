import type { CommentInput, PostInput, ProfileInput } from '@/lib/schemas/snapshot';
import { CrawlError } from '../../errors';
import { extractHrefs, htmlToText } from '../../text/html-text';
import type { ParseIssues } from '../../tolerant';
import {
  cardSchema,
  commentSchema,
  replySchema,
  type WeiboCard,
  type WeiboMblog,
  type WeiboReply,
  type WeiboUser,
} from './schemas';
import { parseCount, parseWeiboTime } from './values';

export type ParsedPost = PostInput & { isLongTextTruncated: boolean };

/** The `...<a href="/status/{id}">全文</a>` tail Weibo appends to a cut text. */
const FULL_TEXT_LINK = /<a\b[^>]*href=["']?\/status\/\w+["']?[^>]*>\s*全文\s*<\/a>/;

/**
 * Whether a post body is still cut. `/detail` `$render_data` and `/statuses/show` keep `isLongText: true` on posts
 * whose `text` is already whole (real captures), so the flag alone proves nothing: the 全文 link does.
 */
export const isStillTruncated = (m: Pick<WeiboMblog, 'isLongText' | 'text'>) =>
  Boolean(m.isLongText) && FULL_TEXT_LINK.test(m.text);

const INTERNAL_LINK = /^https?:\/\/(m\.)?weibo\.(cn|com)\/(search|n\/|status\/|detail\/|p\/index|u\/)/;

/** Classifies a non-ok envelope (docs/platform-formats.md §1.7). `context` tells what was asked for. */
export function classifyEnvelope(
  envelope: { ok: number; msg?: string | null; url?: string | null },
  context: 'account' | 'post',
): CrawlError {
  const msg = envelope.msg ?? '';
  if (envelope.ok === -100)
    return new CrawlError('LOGIN_WALL', 'Weibo asks for login (ok:-100); renew the cookie', { retryable: false });
  if (envelope.url && !msg)
    return new CrawlError('BLOCKED', 'Weibo answered with a verification page (captcha)', { retryable: false });
  if (/封禁|违反|屏蔽/.test(msg))
    return new CrawlError('BLOCKED', `Weibo account blocked: ${msg}`, { retryable: false });
  if (/注销/.test(msg)) return new CrawlError('DELETED', `Weibo account closed: ${msg}`, { retryable: false });
  if (context === 'post' && /删除|不存在|暂无查看权限/.test(msg))
    return new CrawlError('DELETED', `Weibo post deleted: ${msg}`, { retryable: false });
  if (/这里还没有内容/.test(msg))
    return new CrawlError('NOT_FOUND', `Weibo has no such account or it is closed: ${msg}`, { retryable: false });
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
const avatarKey = (url: string) =>
  /\/([0-9A-Za-z]{20,})\.(?:jpg|png|gif)/.exec(url)?.[1] ?? url.replace(/^https?:\/\/[^/]+/, '');

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Post cards (card_type 9), including those wrapped in card_type 11 groups (230413 container), each parsed on its
 * own: a malformed card is recorded in `issues` and dropped, the others are kept. Other card types are not posts.
 */
export function mblogCards(
  cards: readonly unknown[],
  issues: ParseIssues,
  endpoint = 'weibo:getIndex/timeline',
): WeiboCard[] {
  const flat = cards.flatMap((c) =>
    isRecord(c) && Number(c.card_type) === 11 && Array.isArray(c.card_group) ? (c.card_group as unknown[]) : [c],
  );
  return flat
    .filter((c) => isRecord(c) && Number(c.card_type) === 9)
    .flatMap((raw) => {
      const card = issues.parse(cardSchema, raw, { endpoint });
      if (card && !card.mblog) issues.add({ endpoint, path: 'mblog', message: 'post card without mblog', raw });
      return card?.mblog ? [card] : [];
    });
}

/** Posts of the parsed cards; a card whose values cannot be read (an unknown date form) drops alone. */
export function cardPosts(
  cards: readonly WeiboCard[],
  uid: string,
  now: Date,
  issues: ParseIssues,
  endpoint = 'weibo:getIndex/timeline',
): ParsedPost[] {
  return cards.flatMap((card) => {
    const post = issues.map(card, card, endpoint, (c) => toPost(c, uid, now));
    return post ? [post] : [];
  });
}

export const isPinnedCard = (card: WeiboCard) =>
  card.mblog?.mblogtype === 2 || (card.profile_type_id ?? '').startsWith('proweibotop');

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

/**
 * Top-level comments plus inline replies; replies by the account itself are its answers to the public. Each comment
 * is parsed on its own: a malformed one is recorded in `issues` and dropped (a reply keeps its parent and siblings).
 */
export function toComments(
  raw: readonly unknown[],
  uid: string,
  now: Date,
  issues: ParseIssues,
  endpoint = 'weibo:comments/hotflow',
): CommentInput[] {
  return raw.flatMap((item) => {
    const c = issues.parse(commentSchema, item, { endpoint });
    if (!c) return [];
    const top = issues.map(c, item, endpoint, (x) => toComment(x, uid, now, null));
    const replies = (Array.isArray(c.comments) ? c.comments : []).flatMap((rawReply) => {
      const r = issues.parse(replySchema, rawReply, { endpoint });
      const reply = r ? issues.map(r, rawReply, endpoint, (x) => toComment(x, uid, now, c.id)) : null;
      return reply ? [reply] : [];
    });
    return top ? [top, ...replies] : replies;
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
    likesCount: parseCount(c.like_count),
  };
}
