import type { SnapshotInput } from '@/lib/schemas/snapshot';
import type { DemoAccount } from './accounts';
import type { DemoHistory } from './golden';
import { daysAgo, HISTORY_DAYS } from './history';

const isApp = (a: DemoAccount) => a.platformCode === 'APP_IOS' || a.platformCode === 'APP_ANDROID';

/**
 * What the crawlers would have produced for this history: one backfill crawl covering the observed
 * window, then one failed crawl per failure instant (HTTP 418, no data, no coverage).
 */
export function toSnapshotInputs(accountId: string, account: DemoAccount, history: DemoHistory, now: Date): SnapshotInput[] {
  const start = daysAgo(now, HISTORY_DAYS);
  const base = { accountId, platform: account.platformCode, deletedPostIds: [], appReleases: [], storeListings: [] };
  const backfill: SnapshotInput = {
    ...base,
    fetchedAt: history.coveredUntil,
    outcome: { ok: true, partial: false },
    profile: {
      displayName: account.displayName,
      avatarHash: `avatar-${account.handle.slice(-6)}`,
      isVerified: account.filingStatus !== 'UNFILED',
      verifiedReason: account.filingStatus !== 'UNFILED' ? '政府官方账号' : null,
      verifiedType: 1,
      followersCount: 1000 + (Number.parseInt(account.handle.replace(/\D/g, '').slice(-4) || '0', 10) % 9000) * 10,
      isInteractionEnabled: true,
    },
    posts: history.posts.filter((p) => p.publishedAt <= history.coveredUntil),
    coverage: isApp(account) ? null : { from: start, to: history.coveredUntil },
    appReleases: history.appReleases,
    storeListings: history.storeListings,
  };
  const failures: SnapshotInput[] = history.failedCrawls.map((at) => ({
    ...base,
    fetchedAt: at,
    outcome: { ok: false, kind: 'RATE_LIMITED', message: 'HTTP 418 from upstream', httpStatus: 418, retryable: true },
    profile: null,
    posts: [],
    coverage: null,
  }));
  return [backfill, ...failures];
}
