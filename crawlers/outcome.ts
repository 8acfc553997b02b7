import { crawlErrorKindSchema } from '@/lib/schemas/enums';
import type { CrawlOutcome, SnapshotInput } from '@/lib/schemas/snapshot';
import { CrawlError, isCrawlError } from './errors';
import type { CrawlContext, CrawlTarget } from './types';

export type FailedOutcome = Extract<CrawlOutcome, { ok: false }>;

/** Bound on a stored failure message. */
const MESSAGE_MAX = 2000;

/**
 * The one error-to-kind mapping of the worker. A CrawlError keeps its kind; another error naming a known `kind`
 * (e.g. a credential the crawl cannot use: AUTH) keeps that kind; anything else is INTERNAL. Messages go through
 * CrawlError, which strips secrets.
 */
export function toCrawlError(error: unknown): CrawlError {
  if (isCrawlError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const named = typeof error === 'object' && error !== null && 'kind' in error ? String(error.kind).toUpperCase() : '';
  const kind = crawlErrorKindSchema.safeParse(named);
  return kind.success
    ? new CrawlError(kind.data, message, { cause: error })
    : new CrawlError('INTERNAL', message, { retryable: false, cause: error });
}

export function toFailedOutcome(error: unknown): FailedOutcome {
  const crawlError = toCrawlError(error);
  return {
    ok: false,
    kind: crawlError.kind,
    message: crawlError.message.slice(0, MESSAGE_MAX),
    httpStatus: crawlError.httpStatus,
    retryable: crawlError.retryable,
  };
}

/** A failed crawl: what was seen before the failure is kept, but coverage is null so nothing counts as "no posts". */
export function failedSnapshot(
  target: Pick<CrawlTarget, 'accountId' | 'platform'>,
  ctx: Pick<CrawlContext, 'now'>,
  error: unknown,
  partial: Partial<Pick<SnapshotInput, 'profile' | 'posts'>> = {},
): SnapshotInput {
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
export async function guardCrawl(
  target: CrawlTarget,
  ctx: CrawlContext,
  body: () => Promise<SnapshotInput>,
): Promise<SnapshotInput> {
  try {
    return await body();
  } catch (error) {
    return failedSnapshot(target, ctx, error);
  }
}
