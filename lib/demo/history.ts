import type { CommentInput, PostInput } from '@/lib/schemas/snapshot';
import type { DemoAccount } from './accounts';
import { citizenPraise, citizenQuestion, governmentPost, officialReply } from './content';
import type { Random } from '@/lib/random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const HISTORY_DAYS = 60;

const POST_RATE: Record<string, number> = { WEIBO: 0.85, WECHAT: 0.55, DOUYIN: 0.4, TOUTIAO: 0.45, RSS: 0.6 };

function comments(r: Random, account: DemoAccount, postId: string, at: Date, now: Date): CommentInput[] {
  if (account.platformCode !== 'WEIBO' && account.platformCode !== 'WECHAT') return [];
  const list: CommentInput[] = [];
  const count = r.int(0, 3);
  for (let i = 0; i < count; i += 1) {
    const isQuestion = r.chance(0.5);
    const t = new Date(at.getTime() + r.int(1, 20) * HOUR);
    if (t > now) continue;
    const id = `${postId}-c${i}`;
    list.push({ platformCommentId: id, authorName: `网友${r.int(1000, 9999)}`, isOwnReply: false, text: isQuestion ? citizenQuestion(r) : citizenPraise(r), publishedAt: t });
    if (isQuestion && r.chance(0.85)) {
      const replyAt = new Date(t.getTime() + r.int(2, 72) * HOUR);
      if (replyAt <= now) list.push({ platformCommentId: `${id}-r`, authorName: account.displayName, isOwnReply: true, replyToPlatformCommentId: id, text: officialReply(r), publishedAt: replyAt });
    }
  }
  return list;
}

/** Ordinary activity for `days` days before `until`, one id sequence per account. */
export function routinePosts(r: Random, account: DemoAccount, agencyName: string, now: Date, from: Date, until: Date): PostInput[] {
  const rate = POST_RATE[account.platformCode] ?? 0;
  const posts: PostInput[] = [];
  for (let t = from.getTime(); t < until.getTime(); t += DAY) {
    if (!r.chance(rate)) continue;
    const at = new Date(t + r.int(1, 10) * HOUR);
    if (at > until) continue;
    const id = `${account.handle.slice(-6)}${Math.floor(at.getTime() / 1000)}`;
    const text = governmentPost(r, agencyName, at);
    posts.push({
      platformPostId: id,
      url: `https://demo.example.invalid/${account.platformCode.toLowerCase()}/${id}`,
      title: account.platformCode === 'WECHAT' ? text.slice(0, text.indexOf('】') + 1) || null : null,
      text,
      publishedAt: at,
      isPinned: false,
      isRepost: account.platformCode === 'WEIBO' && r.chance(0.1),
      commentsEnabled: true,
      commentsCount: null,
      likesCount: r.int(0, 200),
      repostsCount: account.platformCode === 'WEIBO' ? r.int(0, 50) : null,
      links: [],
      comments: comments(r, account, id, at, now),
    });
  }
  return posts;
}

export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY);
export const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);
