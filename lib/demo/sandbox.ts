import type { CommentInput, PostInput } from '@/lib/schemas/snapshot';
import { isAppAccount, type DemoAccount } from './accounts';
import type { DemoHistory } from './history';
import type { DemoProvince } from './province';
import { DAY_MS } from '@/lib/time';

// Plain data in the shape of the crawler sandbox's scenario files (crawlers/sandbox/scenario.ts),
// so the real crawlers can fetch the demo province over HTTP. lib/ may not import crawlers/, so
// the shape is restated here; tests/unit/demo checks it against the sandbox's own schema.

type SandboxReply = {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  publishedAt: string;
  likes: number;
};
type SandboxComment = SandboxReply & { replies: SandboxReply[] };
type SandboxPost = {
  id: string;
  title?: string;
  text: string;
  publishedAt: string;
  url?: string;
  source?: string;
  pinned: boolean;
  repostOf?: { id: string; text: string; deleted: boolean };
  counts: { reposts: number; comments: number; likes: number };
  comments: SandboxComment[];
};
export type DemoSandboxAccount = {
  platform: DemoAccount['platformCode'];
  handle: string;
  status: 'ACTIVE' | 'CLOSED';
  profile: {
    displayName: string;
    avatarUrl?: string;
    description: string;
    verified: boolean;
    verifiedType: number;
    verifiedReason?: string;
    followersCount: number;
    followingCount: number;
    postsCount?: number;
    ipLocation?: string;
  };
  posts: SandboxPost[];
  extra: Record<string, unknown>;
};
export type DemoSandboxScenario = {
  name: string;
  now: string;
  latencyMs: number;
  accounts: DemoSandboxAccount[];
  failures: Array<{
    kind: 'status';
    status: number;
    platform: DemoAccount['platformCode'];
    handle: string;
    days: [number, number];
  }>;
};

/** Platforms the sandbox serves (Weibo API, we-mp-rss for WeChat, RSSHub for Douyin/Toutiao, the app stores). */
const SERVED = new Set(['WEIBO', 'WECHAT', 'DOUYIN', 'TOUTIAO', 'APP_IOS', 'APP_ANDROID']);

const reply = (c: CommentInput, fallbackAuthor: string): SandboxReply => ({
  id: c.platformCommentId,
  authorId: c.authorPlatformId ?? fallbackAuthor,
  authorName: c.authorName ?? '网友',
  text: c.text,
  publishedAt: c.publishedAt.toISOString(),
  likes: c.likesCount ?? 0,
});

function toComments(comments: CommentInput[], handle: string): SandboxComment[] {
  const top = comments.filter((c) => !c.replyToPlatformCommentId);
  return top.map((c) => ({
    ...reply(c, 'anonymous'),
    replies: comments.filter((x) => x.replyToPlatformCommentId === c.platformCommentId).map((x) => reply(x, handle)),
  }));
}

function toPost(p: PostInput, handle: string): SandboxPost {
  return {
    id: p.platformPostId,
    ...(p.title ? { title: p.title } : {}),
    text: p.text,
    publishedAt: p.publishedAt.toISOString(),
    ...(p.url ? { url: p.url } : {}),
    ...(p.source ? { source: p.source } : {}),
    pinned: p.isPinned,
    ...(p.isRepost && p.repostOfText
      ? { repostOf: { id: `${p.platformPostId}0`, text: p.repostOfText, deleted: false } }
      : {}),
    counts: { reposts: p.repostsCount ?? 0, comments: p.comments.length, likes: p.likesCount ?? 0 },
    comments: toComments(p.comments, handle),
  };
}

function toAccount(account: DemoAccount, history: DemoHistory, now: Date): DemoSandboxAccount {
  const profile = history.profiles.at(-1)?.profile;
  const days = (now.getTime() - history.crawlFrom.getTime()) / DAY_MS;
  return {
    platform: account.platformCode,
    handle: account.handle,
    status: account.lifecycle === 'CLOSED' ? 'CLOSED' : 'ACTIVE',
    profile: {
      displayName: profile?.displayName ?? account.displayName,
      ...(profile?.avatarUrl ? { avatarUrl: profile.avatarUrl } : {}),
      description: profile?.description ?? '',
      verified: profile?.isVerified ?? false,
      verifiedType: profile?.verifiedType ?? -1,
      ...(profile?.verifiedReason ? { verifiedReason: profile.verifiedReason } : {}),
      followersCount: Math.round(history.followers.start + history.followers.perDay * days),
      followingCount: profile?.followingCount ?? 0,
      postsCount: history.posts.length,
      ...(profile?.ipLocation ? { ipLocation: profile.ipLocation } : {}),
    },
    posts: [...history.posts].reverse().map((p) => toPost(p, account.handle)),
    extra: account.crawlConfig.weMpRssId ? { weMpRssId: account.crawlConfig.weMpRssId } : {},
  };
}

type SandboxStoreApp = {
  id: string;
  name: string;
  seller: string;
  sellerId?: string;
  packageName?: string;
  version: string;
  releasedAt: string;
  rating?: number;
  ratingCount: number;
};

/**
 * An app account as the sandbox's store routes read it (crawlers/sandbox/routes/app-wire.ts): its own listing per
 * store carries the newest seeded release; listings by other sellers (G10's 山寨 copy) become look-alikes.
 */
function toAppAccount(account: DemoAccount, history: DemoHistory): DemoSandboxAccount {
  const latest = [...history.appReleases].sort(
    (a, b) => (b.releasedAt?.getTime() ?? 0) - (a.releasedAt?.getTime() ?? 0),
  )[0];
  const listing = (l: DemoHistory['storeListings'][number]): SandboxStoreApp => ({
    id: l.storeAppId,
    name: l.appName,
    seller: l.sellerName ?? '',
    ...(l.sellerId ? { sellerId: l.sellerId } : {}),
    ...(account.platformCode === 'APP_ANDROID' ? { packageName: account.handle } : {}),
    version: latest?.version ?? '1.0.0',
    releasedAt: (latest?.releasedAt ?? new Date(0)).toISOString(),
    ...(latest?.rating != null ? { rating: latest.rating } : {}),
    ratingCount: latest?.ratingCount ?? 0,
  });
  const own = history.storeListings.filter((l) => l.storeAppId === account.handle);
  const copies = history.storeListings.filter((l) => l.storeAppId !== account.handle);
  return {
    platform: account.platformCode,
    handle: account.handle,
    status: account.lifecycle === 'CLOSED' ? 'CLOSED' : 'ACTIVE',
    profile: {
      displayName: own[0]?.appName ?? account.displayName,
      description: '',
      verified: false,
      verifiedType: -1,
      followersCount: 0,
      followingCount: 0,
    },
    posts: [],
    extra: {
      stores: Object.fromEntries(own.map((l) => [l.store, listing(l)])),
      lookalikes: copies.map((l) => ({
        store: l.store,
        id: l.storeAppId,
        name: l.appName,
        seller: l.sellerName ?? '',
        ...(l.sellerId ? { sellerId: l.sellerId } : {}),
        version: '1.0.0',
        releasedAt: '-30d',
      })),
    },
  };
}

/** The demo province as a sandbox scenario; G8's account answers HTTP 418 for its last 10 days. */
export function toSandboxScenario(province: DemoProvince): DemoSandboxScenario {
  const { now } = province;
  const accounts: DemoSandboxAccount[] = [];
  const failures: DemoSandboxScenario['failures'] = [];
  for (const account of province.accounts) {
    const history = province.histories.get(account.key);
    if (!history || !SERVED.has(account.platformCode)) continue;
    accounts.push(isAppAccount(account) ? toAppAccount(account, history) : toAccount(account, history, now));
    if (history.failedCrawls.length > 0) {
      const firstFailedDay = -Math.ceil((now.getTime() - history.coveredUntil.getTime()) / DAY_MS) + 1;
      failures.push({
        kind: 'status',
        status: 418,
        platform: account.platformCode,
        handle: account.handle,
        days: [firstFailedDay, 0],
      });
    }
  }
  return { name: `demo-province-${province.seed}`, now: now.toISOString(), latencyMs: 0, accounts, failures };
}
