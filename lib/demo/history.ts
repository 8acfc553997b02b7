import type { Random } from '@/lib/random';
import type { AppReleaseInput, CommentInput, PostInput, ProfileInput, StoreListingInput } from '@/lib/schemas/snapshot';
import type { DemoAccount } from './accounts';
import {
  citizenName,
  citizenPraise,
  citizenQuestion,
  governmentPost,
  officialReply,
  type ContentContext,
} from './content';
import { DAY_MS, HOUR_MS, SHANGHAI_OFFSET_MS, shanghaiWallClock } from '@/lib/time';

export const HISTORY_DAYS = 60;

export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
export const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR_MS);

/** A crawled stretch before a past quarter's inspection (lib/demo/past-quarters.ts), apart from the recent history. */
export type DemoEpisode = { from: Date; to: Date; posts: PostInput[]; isSilent: boolean };

export type DemoProfileEntry = { from: Date; profile: ProfileInput };

export type DemoHistory = {
  /** The first crawl reaches back to here. */
  crawlFrom: Date;
  /** Last instant the crawler fully observed; later days are not covered. */
  coveredUntil: Date;
  posts: PostInput[];
  /** Profile as it was from each instant on (a rename adds an entry); counts are filled per crawl. */
  profiles: DemoProfileEntry[];
  followers: { start: number; perDay: number };
  /** Instants at which the crawler got HTTP 418 instead of data (G8). */
  failedCrawls: Date[];
  /** Every release of an app account; a crawl sees the version current at its time. */
  appReleases: AppReleaseInput[];
  storeListings: StoreListingInput[];
  /** Crawled stretches before the past quarters' inspections, oldest first; they end before `crawlFrom`. */
  episodes: DemoEpisode[];
};

const POST_RATE: Record<string, number> = { WEIBO: 0.9, WECHAT: 0.6, DOUYIN: 0.35, TOUTIAO: 0.45, RSS: 0.7 };
const WITH_COMMENTS = new Set(['WEIBO', 'WECHAT']);

/** Reply delays as offices answer: most within the working day, some after days, a few very late. */
function replyDelayHours(r: Random): number {
  const x = r.next();
  if (x < 0.7) return 0.5 + r.next() * 8;
  if (x < 0.92) return 24 + r.next() * 48;
  return 96 + r.next() * 120;
}

function comments(r: Random, account: DemoAccount, postId: string, at: Date, until: Date): CommentInput[] {
  if (!WITH_COMMENTS.has(account.platformCode)) return [];
  const list: CommentInput[] = [];
  const count = r.int(0, 3);
  for (let i = 0; i < count; i += 1) {
    const isQuestion = r.chance(0.45);
    const t = hoursAfter(at, 0.2 + r.next() * 30);
    if (t > until) continue;
    const id = `${postId}${String(i + 1).padStart(2, '0')}`;
    list.push({
      platformCommentId: id,
      authorPlatformId: String(r.int(5_000_000_000, 7_999_999_999)),
      authorName: citizenName(r),
      isOwnReply: false,
      text: isQuestion ? citizenQuestion(r) : citizenPraise(r),
      publishedAt: t,
      likesCount: r.int(0, 30),
    });
    if (!isQuestion || !r.chance(0.9)) continue;
    const replyAt = hoursAfter(t, replyDelayHours(r));
    if (replyAt <= until) {
      list.push({
        platformCommentId: `${id}9`,
        authorPlatformId: account.handle,
        authorName: account.displayName,
        isOwnReply: true,
        replyToPlatformCommentId: id,
        text: officialReply(r),
        publishedAt: replyAt,
        likesCount: r.int(0, 10),
      });
    }
  }
  return list;
}

/** Ordinary activity between `from` and `until`, at office hours (Asia/Shanghai 08–21 h). */
export function routinePosts(
  r: Random,
  account: DemoAccount,
  c: Omit<ContentContext, 'day'>,
  from: Date,
  until: Date,
  idBase: number,
): PostInput[] {
  const rate = POST_RATE[account.platformCode] ?? 0;
  const posts: PostInput[] = [];
  for (let t = from.getTime(); t < until.getTime(); t += DAY_MS) {
    const perDay = r.chance(rate) ? (account.platformCode === 'WEIBO' && r.chance(0.3) ? 2 : 1) : 0;
    for (let k = 0; k < perDay; k += 1) {
      const shanghaiMidnight = t - ((t + SHANGHAI_OFFSET_MS) % DAY_MS);
      const at = new Date(shanghaiMidnight + (8 + r.int(0, 12)) * HOUR_MS + r.int(0, 59) * 60_000);
      if (at <= from || at > until) continue;
      const id = String(idBase + Math.floor(at.getTime() / 1000));
      const { title, text } = governmentPost(r, { ...c, day: dayLabel(at) });
      const isWechat = account.platformCode === 'WECHAT';
      const isRepost = account.platformCode === 'WEIBO' && r.chance(0.08);
      posts.push({
        platformPostId: id,
        url: postUrl(account, id),
        title: isWechat || account.platformCode === 'RSS' || account.platformCode === 'DOUYIN' ? title : null,
        text: isRepost ? '转发微博' : text,
        publishedAt: at,
        isPinned: false,
        isRepost,
        repostOfText: isRepost ? text : null,
        repostOfUrl: isRepost ? `https://weibo.com/7400000001/${id}` : null,
        commentsEnabled: true,
        likesCount: r.int(0, 300),
        repostsCount: account.platformCode === 'WEIBO' ? r.int(0, 80) : null,
        readsCount: isWechat ? r.int(200, 20000) : null,
        links: [],
        source: account.platformCode === 'WEIBO' ? r.pick(['微博 weibo.com', 'iPhone客户端', '微博网页版']) : null,
        comments: comments(r, account, id, at, until),
      });
    }
  }
  return posts;
}

const dayLabel = (d: Date) => {
  const local = shanghaiWallClock(d);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
};

export function postUrl(account: DemoAccount, id: string): string {
  switch (account.platformCode) {
    case 'WEIBO':
      return `https://weibo.com/${account.handle}/${id}`;
    case 'WECHAT':
      return `https://mp.weixin.qq.com/s/demo${id}`;
    case 'DOUYIN':
      return `https://www.douyin.com/video/${id}`;
    case 'TOUTIAO':
      return `https://www.toutiao.com/article/${id}/`;
    default:
      return `https://www.jiangchuan.gov.cn.example.invalid/art/${id}.html`;
  }
}

export function profileFor(account: DemoAccount, agencyName: string, displayName: string, r: Random): ProfileInput {
  const isFiled = account.filingStatus !== 'UNFILED';
  return {
    displayName,
    avatarUrl: `https://img.example.invalid/avatar/${account.handle.slice(-10)}.jpg`,
    avatarHash: `avatar-${account.handle.slice(-8)}`,
    description: `${agencyName}官方账号`,
    isVerified: isFiled,
    verifiedReason: isFiled ? `${agencyName}官方账号` : null,
    verifiedType: account.platformCode === 'WEIBO' ? (isFiled ? 1 : -1) : null,
    followingCount: r.int(20, 400),
    isInteractionEnabled: true,
    hasFeedbackChannel: true,
    ipLocation: '江川',
  };
}

/** An app's releases over the last year or two, newest `latestDaysAgo` before `now`. */
export function appReleases(
  r: Random,
  now: Date,
  app: { name: string; seller: string; sellerId: string },
  store: AppReleaseInput['store'],
  latestDaysAgo: number,
): AppReleaseInput[] {
  const releases: AppReleaseInput[] = [];
  let ago = latestDaysAgo;
  let [major, minor] = [r.int(2, 5), r.int(0, 9)];
  for (let i = 0; i < 6 && ago < 800; i += 1) {
    releases.push({
      store,
      version: `${major}.${minor}.${r.int(0, 9)}`,
      releasedAt: daysAgo(now, ago),
      rating: Math.round((3.7 + r.next() * 1.2) * 10) / 10,
      ratingCount: r.int(200, 9000),
      sellerName: app.seller,
      sellerId: app.sellerId,
      appName: app.name,
      hasFeedbackChannel: true,
    });
    ago += r.int(40, 110);
    if (minor === 0) [major, minor] = [major - 1, 9];
    else minor -= 1;
  }
  return releases.reverse();
}
