import type { PostInput, ProfileInput, SnapshotInput } from '@/lib/schemas/snapshot';
import { isAppAccount, type DemoAccount } from './accounts';
import type { DemoHistory } from './history';

const DAY = 86_400_000;
/** Crawl cadence the seed replays: weekly through the history, daily for the last days. */
const WEEKLY = 7;
const DAILY_TAIL = 3;

/** Successful crawl instants, ascending, ending at `coveredUntil`. */
export function crawlTimes(account: DemoAccount, history: DemoHistory): Date[] {
  const end = history.coveredUntil.getTime();
  const start = history.crawlFrom.getTime();
  const times = new Set<number>();
  for (let t = end; t > start; t -= WEEKLY * DAY) times.add(t);
  if (!isAppAccount(account)) for (let d = 0; d < DAILY_TAIL && end - d * DAY > start; d += 1) times.add(end - d * DAY);
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}

function profileAt(account: DemoAccount, history: DemoHistory, at: Date): ProfileInput | null {
  const entry = history.profiles.filter((p) => p.from <= at).at(-1) ?? history.profiles[0];
  if (!entry) return null;
  const days = Math.max(0, (at.getTime() - history.crawlFrom.getTime()) / DAY);
  const postsBase = 300 + (history.followers.start % 4000);
  return {
    ...entry.profile,
    followersCount: Math.round(history.followers.start + history.followers.perDay * days),
    postsCount: isAppAccount(account) ? null : postsBase + history.posts.filter((p) => p.publishedAt <= at).length,
  };
}

/** What a crawl at `to` returns: items since the last crawl, plus older ones that got comments since then. */
function postsSeen(posts: PostInput[], previous: Date | null, to: Date): PostInput[] {
  return posts
    .filter((p) => p.publishedAt <= to)
    .filter((p) => !previous || p.publishedAt > previous || p.comments.some((c) => c.publishedAt > previous && c.publishedAt <= to))
    .map((p) => ({ ...p, comments: p.comments.filter((c) => c.publishedAt <= to) }));
}

/**
 * The crawls that would have produced this history, as the crawlers hand them to ingest: successful
 * crawls each vouching for the window since the previous one, and failed ones (G8: HTTP 418, no data,
 * no coverage). App accounts report store metadata only (the version current at each crawl).
 */
export function toSnapshotInputs(account: DemoAccount, history: DemoHistory, accountId: string = account.key): SnapshotInput[] {
  const base = { accountId, platform: account.platformCode, deletedPostIds: [] };
  const times = crawlTimes(account, history);
  const isApp = isAppAccount(account);
  const ok: SnapshotInput[] = times.map((to, k) => {
    const previous = times[k - 1] ?? null;
    const current = history.appReleases.filter((r) => r.releasedAt && r.releasedAt <= to).at(-1);
    return {
      ...base,
      fetchedAt: to,
      outcome: { ok: true, partial: false },
      profile: profileAt(account, history, to),
      posts: isApp ? [] : postsSeen(history.posts, previous, to),
      coverage: isApp ? null : { from: previous ?? history.crawlFrom, to },
      appReleases: current ? [current] : [],
      storeListings: isApp ? history.storeListings : [],
    };
  });
  const failures: SnapshotInput[] = history.failedCrawls.map((at) => ({
    ...base,
    fetchedAt: at,
    outcome: { ok: false, kind: 'RATE_LIMITED', message: 'HTTP 418 from upstream', httpStatus: 418, retryable: true },
    profile: null,
    posts: [],
    coverage: null,
    appReleases: [],
    storeListings: [],
  }));
  return [...ok, ...failures].sort((a, b) => a.fetchedAt.getTime() - b.fetchedAt.getTime());
}
