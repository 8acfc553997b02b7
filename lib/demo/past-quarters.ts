import { createRandom } from '@/lib/random';
import { SHANGHAI_OFFSET_MS, shanghaiWallClock } from '@/lib/time';
import { isAppAccount, type DemoAccount } from './accounts';
import { daysAgo, routinePosts, type DemoEpisode } from './history';
import type { ContentContext } from './content';

const DAY = 86_400_000;

/** Quarters before the current one that the demo province has a finished inspection for (the trend's history). */
export const DEMO_PAST_QUARTERS = 3;
/**
 * Days crawled before each past inspection: V2's window (14 days) and the day itself, and a day to spare. Longer
 * windows (D1's 30-day item count, D5's 30 days of replies) stay uncovered there and say so (数据不足) on those
 * past scorecards: a longer history doubled the seed's time. For the same reason an episode keeps every other
 * item of the routine activity, without comments, and is read by one crawl.
 */
export const EPISODE_DAYS = 16;
/**
 * Share of the publishing accounts that had gone silent in the 15 days before each past inspection (V2 内容不更新,
 * a confirmed veto), oldest quarter first: the offices improved quarter by quarter, so the trend has a story.
 */
export const SILENT_SHARE = [0.14, 0.09, 0.05] as const;

/** Days before the inspection that a silent account's last item is at the latest: before the V2 window. */
const SILENT_FOR_DAYS = 15;

/**
 * Monitoring instants of the `count` quarters before `now`'s (Asia/Shanghai), oldest first: the 20th of each
 * quarter's last month at 10:00 Beijing time, as a quarterly inspection would be run.
 */
export function pastInspectionDates(now: Date, count = DEMO_PAST_QUARTERS): Date[] {
  const wall = shanghaiWallClock(now);
  const quarterIndex = wall.getUTCFullYear() * 4 + Math.floor(wall.getUTCMonth() / 3);
  return Array.from({ length: count }, (_, i) => {
    const q = quarterIndex - count + i;
    const year = Math.floor(q / 4);
    const lastMonth = (q % 4) * 3 + 2;
    return new Date(Date.UTC(year, lastMonth, 20, 10) - SHANGHAI_OFFSET_MS);
  });
}

/**
 * The crawled episodes before each past inspection, for one account: ordinary activity from its own random stream
 * (so the recent history is the same with or without them), clipped to end where the recent history starts. A
 * silent account published nothing in the V2 window. Accounts not yet opened at an inspection have no episode.
 */
export function pastEpisodes(args: {
  account: DemoAccount;
  index: number;
  seed: number;
  now: Date;
  recentFrom: Date;
  idBase: number;
  context: Omit<ContentContext, 'day'>;
}): DemoEpisode[] {
  const { account, index, seed, now, recentFrom, idBase, context } = args;
  const opened = daysAgo(now, account.openedDaysAgo);
  return pastInspectionDates(now).flatMap((monitoringAt, k) => {
    const from = new Date(monitoringAt.getTime() - EPISODE_DAYS * DAY);
    const to = monitoringAt < recentFrom ? monitoringAt : recentFrom;
    if (from >= to || opened > from) return [];
    const r = createRandom((seed * 31 + index * 7 + k * 1_000_003) >>> 0);
    const silent = !isAppAccount(account) && monitoringAt <= recentFrom && r.chance(SILENT_SHARE[k] ?? 0);
    const posts = isAppAccount(account)
      ? []
      : routinePosts(r, account, context, from, to, idBase)
          .filter((p) => !silent || p.publishedAt.getTime() <= monitoringAt.getTime() - SILENT_FOR_DAYS * DAY)
          // Two items of one day drawn at the same minute would share an id (idBase + unix seconds): keep the first.
          .filter((p, i, all) => all.findIndex((q) => q.platformPostId === p.platformPostId) === i)
          // Every other item, without comments: enough for V2 and D1's week, at a fraction of the seed's time.
          .filter((_, i) => i % 2 === 0)
          .map((p) => ({ ...p, comments: [] }));
    return [{ from, to, posts, isSilent: silent }];
  });
}
