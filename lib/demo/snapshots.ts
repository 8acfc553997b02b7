import type { PostInput, ProfileInput, SnapshotInput } from '@/lib/schemas/snapshot';
import { isAppAccount, type DemoAccount } from './accounts';
import type { DemoHistory } from './history';
import { DAY_MS } from '@/lib/time';

/** Crawl cadence the seed replays: weekly through the history, daily for the last days. */
const WEEKLY = 7;
const DAILY_TAIL = 3;
/** A past quarter's episode is read by one crawl at its end (a timeline read back 16 days). */
const EPISODE_STEP_DAYS = 31;

/** Successful crawl instants, ascending, ending at `coveredUntil`. */
export function crawlTimes(account: DemoAccount, history: DemoHistory): Date[] {
  return segmentTimes(account, history.crawlFrom, history.coveredUntil);
}

/** Every `stepDays` back from `until` to `from`, and daily for the last `tailDays` days (content accounts). */
function segmentTimes(account: DemoAccount, from: Date, until: Date, stepDays = WEEKLY, tailDays = DAILY_TAIL): Date[] {
  const end = until.getTime();
  const start = from.getTime();
  const times = new Set<number>();
  for (let t = end; t > start; t -= stepDays * DAY_MS) times.add(t);
  if (!isAppAccount(account))
    for (let d = 0; d < tailDays && end - d * DAY_MS > start; d += 1) times.add(end - d * DAY_MS);
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}

function profileAt(account: DemoAccount, history: DemoHistory, at: Date): ProfileInput | null {
  const entry = history.profiles.filter((p) => p.from <= at).at(-1) ?? history.profiles[0];
  if (!entry) return null;
  const days = Math.max(0, (at.getTime() - history.crawlFrom.getTime()) / DAY_MS);
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
    .filter(
      (p) =>
        !previous ||
        p.publishedAt > previous ||
        p.comments.some((c) => c.publishedAt > previous && c.publishedAt <= to),
    )
    .map((p) => ({ ...p, comments: p.comments.filter((c) => c.publishedAt <= to) }));
}

/**
 * The crawls that would have produced this history, as the crawlers hand them to ingest: successful
 * crawls each vouching for the window since the previous one, and failed ones (G8: HTTP 418, no data,
 * no coverage). App accounts report store metadata only (the version current at each crawl).
 */
export function toSnapshotInputs(
  account: DemoAccount,
  history: DemoHistory,
  accountId: string = account.key,
): SnapshotInput[] {
  const base = { accountId, platform: account.platformCode, deletedPostIds: [] };
  const isApp = isAppAccount(account);
  // The past quarters' episodes, then the recent history: each stretch's first crawl vouches from the stretch's start,
  // so the days between stretches stay uncovered (never crawled, never clean).
  // An episode is crawled once (each crawl is a transaction: the seed's time goes by crawls), the recent history weekly.
  const stretches = [
    ...history.episodes.map((e) => ({ ...e, times: segmentTimes(account, e.from, e.to, EPISODE_STEP_DAYS, 0) })),
    { from: history.crawlFrom, to: history.coveredUntil, posts: history.posts, times: crawlTimes(account, history) },
  ];
  const ok: SnapshotInput[] = stretches.flatMap((stretch) => {
    const { times } = stretch;
    return times.map((to, k): SnapshotInput => {
      const previous = times[k - 1] ?? null;
      const current = history.appReleases.filter((r) => r.releasedAt && r.releasedAt <= to).at(-1);
      return {
        ...base,
        fetchedAt: to,
        outcome: { ok: true, partial: false },
        profile: profileAt(account, history, to),
        posts: isApp ? [] : postsSeen(stretch.posts, previous, to),
        coverage: isApp ? null : { from: previous ?? stretch.from, to },
        appReleases: current ? [current] : [],
        storeListings: isApp ? history.storeListings : [],
        // The replayed crawls read what the demo history holds: an app's listing, a content account's items with their comments.
        factsRead: isApp ? (current ? ['profile', 'listing'] : ['profile']) : ['posts', 'comments', 'profile'],
      };
    });
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
