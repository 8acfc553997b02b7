import type { PrismaClient } from '@/lib/db/types';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';

const DAY_MS = 86_400_000;

/**
 * A successful Weibo crawl at `at` through the real ingest path that read the given posts (plain text, unpinned, no
 * links or comments) over `coverageFrom` (default 40 days back) up to `at`.
 */
export function ingestWeiboPosts(
  db: PrismaClient,
  {
    accountId,
    at,
    posts,
    coverageFrom = new Date(at.getTime() - 40 * DAY_MS),
  }: {
    accountId: string;
    at: Date;
    posts: Array<{ id: string; publishedAt: Date; text: string }>;
    coverageFrom?: Date;
  },
) {
  return ingestSnapshot(
    db,
    {
      accountId,
      platform: 'WEIBO',
      fetchedAt: at,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: posts.map((p) => ({
        platformPostId: p.id,
        text: p.text,
        publishedAt: p.publishedAt,
        isPinned: false,
        isRepost: false,
        links: [],
        comments: [],
      })),
      coverage: { from: coverageFrom, to: at },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: at },
  );
}

/** Posts published `daysAgo` days before `at`, with ids unique per crawl instant. */
export const postsDaysAgo = (at: Date, daysAgo: number[]) =>
  daysAgo.map((d) => ({
    id: `p-${at.getTime()}-${d}`,
    text: `政务信息发布（${d}）`,
    publishedAt: new Date(at.getTime() - d * DAY_MS),
  }));
