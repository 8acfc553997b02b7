import {
  BUILT_IN_CALENDAR,
  compileLexicons,
  NATIONAL_2019,
  scoreAccount,
  STARTER_LEXICONS,
  type AccountHistory,
  type ScoringContext,
} from '@/lib/scoring';
import { syntheticPosts } from './synthetic';
import { DAY_MS, shanghaiDay } from '@/lib/time';

const AT = new Date('2026-11-25T04:00:00Z');

/** End-to-end posts/s of scoreAccount over synthetic accounts × 30 days, generated account by account. */
export async function runScoringBench(print: (line: string) => void): Promise<void> {
  const accounts = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
  const { matcher, prohibitedDomains } = compileLexicons(STARTER_LEXICONS);
  const ctx: ScoringContext = {
    monitoringAt: AT,
    edition: NATIONAL_2019,
    matcher,
    prohibitedDomains,
    calendar: BUILT_IN_CALENDAR,
    reviews: new Map(),
  };
  const texts = syntheticPosts(7, 3_000);
  const coverage = new Map(
    Array.from({ length: 100 }, (_, i) => [shanghaiDay(new Date(AT.getTime() - i * DAY_MS)), 'COVERED' as const]),
  );
  const factsByDay = new Map([...coverage.keys()].map((d) => [d, new Set(['posts', 'comments', 'profile'] as const)]));
  let posts = 0;
  const started = performance.now();
  for (let a = 0; a < accounts; a += 1) {
    const history: AccountHistory = {
      account: {
        id: `a${a}`,
        platformCode: 'WEIBO',
        displayName: '江川发布',
        isApp: false,
        filingStatus: 'FILED',
        namingRule: null,
        isFirstOfAgencyPlatform: true,
      },
      posts: Array.from({ length: 30 }, (_, d) => ({
        id: `a${a}p${d}`,
        platformId: `${d}`,
        url: null,
        title: null,
        text: texts[(a * 31 + d) % texts.length] ?? '',
        publishedAt: new Date(AT.getTime() - (d + 0.3) * DAY_MS),
        isPinned: false,
        isRepost: false,
        repostOfText: null,
        links: [],
        commentsEnabled: true,
        // One deleted item per account, so the deleted-then-corrected pairing runs as it would on real timelines.
        deletedAt: d === 10 ? new Date(AT.getTime() - 9 * DAY_MS) : null,
        likes: 1,
        reposts: 0,
        comments: 0,
      })),
      comments: [],
      snapshots: [],
      appReleases: [],
      storeListings: [],
      linkChecks: [],
      coverage,
      factsByDay,
      readThrough: AT,
      listingLookups: [],
      filedChanges: [],
      repostTasks: [],
      nearDuplicateShare: 0,
      bonusAwards: [],
    };
    scoreAccount(history, ctx);
    posts += history.posts.length;
  }
  const sec = (performance.now() - started) / 1000;
  print(
    `scoring: ${accounts} accounts × 30 days = ${posts} posts in ${sec.toFixed(1)} s → ${Math.round(posts / sec)} posts/s on one core`,
  );
}
