import type { CrawlOutcome, SnapshotInput } from '@/lib/schemas/snapshot';
import { CrawlError, isCrawlError, redactSecrets } from './errors';
import type { CrawlContext, CrawlTarget } from './types';

export type FailedOutcome = Extract<CrawlOutcome, { ok: false }>;

export function toFailedOutcome(error: unknown): FailedOutcome {
  const crawlError = isCrawlError(error) ? error : new CrawlError('INTERNAL', redactSecrets(error instanceof Error ? error.message : String(error)), { retryable: false });
  return { ok: false, kind: crawlError.kind, message: crawlError.message, httpStatus: crawlError.httpStatus, retryable: crawlError.retryable };
}

/** A failed crawl: what was seen before the failure is kept, but coverage is null so nothing counts as "no posts". */
export function failedSnapshot(target: CrawlTarget, ctx: CrawlContext, error: unknown, partial: Partial<Pick<SnapshotInput, 'profile' | 'posts'>> = {}): SnapshotInput {
  return {
    accountId: target.accountId,
    platform: target.platform,
    fetchedAt: ctx.now,
    outcome: toFailedOutcome(error),
    profile: partial.profile ?? null,
    posts: partial.posts ?? [],
    coverage: null,
    deletedPostIds: [],
    appReleases: [],
    storeListings: [],
  };
}

/** Runs a crawler body and turns any thrown error into a failed snapshot. */
export async function guardCrawl(target: CrawlTarget, ctx: CrawlContext, body: () => Promise<SnapshotInput>): Promise<SnapshotInput> {
  try {
    return await body();
  } catch (error) {
    return failedSnapshot(target, ctx, error);
  }
}
