import type { PlatformCode } from '@/lib/schemas/enums';
import type { SnapshotInput } from '@/lib/schemas/snapshot';
import type { BrowserFetcher } from './browser';
import type { HttpClient } from './http';
import type { Origins } from './origins';

export type CrawlTarget = {
  accountId: string;
  platform: PlatformCode;
  /** Platform-native id: Weibo uid, WeChat fakeid, App Store track id, feed URL … */
  handle: string;
  displayName: string;
  /** Account.crawlConfig as stored; each crawler parses its own part with zod. */
  crawlConfig: unknown;
  /** Start of the window to fetch; coverage never starts earlier. */
  since: Date;
  /** Decrypted PlatformCredential payload, when the account has one. */
  credential?: unknown;
  /** Platform post ids already stored inside [since, now], for deleted-post detection. */
  knownPostIds?: readonly string[];
};

export type CrawlContext = {
  now: Date;
  http: HttpClient;
  origins: Origins;
  signal?: AbortSignal;
  browser?: BrowserFetcher;
};

/**
 * A platform adapter. `crawl` never writes the database and never throws for upstream problems:
 * failures come back as a SnapshotInput with `outcome.ok = false` and `coverage = null`.
 */
export type Crawler = {
  platform: PlatformCode;
  crawl(target: CrawlTarget, ctx: CrawlContext): Promise<SnapshotInput>;
};

/** What the crawl job needs of a crawler; tests pass their own context type. */
export type AccountCrawler<C> = { crawl(target: CrawlTarget, ctx: C): Promise<SnapshotInput> };
export type CrawlerLookup<C> = (platform: PlatformCode) => AccountCrawler<C> | null;
