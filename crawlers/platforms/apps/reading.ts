import { z } from 'zod';
import type { AppStoreCode } from '@/lib/schemas/enums';
import type { AppReleaseInput, ProfileInput, SnapshotInput, StoreListingInput } from '@/lib/schemas/snapshot';
import { nameSimilarity } from '@/lib/text/similarity';
import { CrawlError, isCrawlError } from '../../errors';
import { failedSnapshot } from '../../outcome';
import type { CrawlContext, CrawlTarget } from '../../types';

// What one store says about a monitored app, and how the readings of its stores become one snapshot.

export type StoreReading = {
  store: AppStoreCode;
  /** The version the store lists now; the release history builds up in app_release, one row per version seen. */
  release: AppReleaseInput;
  profile: ProfileInput;
  /** Listings by other sellers with a similar name (山寨 candidates, docs/indicators.md Part 2 D7). */
  lookalikes: StoreListingInput[];
  /** Something optional (look-alike search, rating) could not be read. */
  partial: boolean;
};

export type StoreAttempt = { store: AppStoreCode; reading: StoreReading } | { store: AppStoreCode; error: CrawlError };

/** Look-alike options shared by every store section of an app's crawlConfig. */
export const lookalikeOptionsSchema = z.object({
  /** Extra search terms besides the listed app name (e.g. the name the agency files). */
  searchTerms: z.array(z.string().min(1)).max(5).default([]),
  /** Kept below the detector's threshold (0.8 in national-2019) so editions can tune it without re-crawling. */
  lookalikeMinSimilarity: z.number().min(0).max(1).default(0.5),
  maxLookalikes: z.number().int().min(0).max(50).default(20),
});
export type LookalikeOptions = z.output<typeof lookalikeOptionsSchema>;
export const LOOKALIKE_DEFAULTS: LookalikeOptions = { searchTerms: [], lookalikeMinSimilarity: 0.5, maxLookalikes: 20 };

/** Runs one store's reading; an upstream failure becomes that store's typed error, anything else propagates. */
export async function attemptStore(store: AppStoreCode, read: () => Promise<StoreReading>): Promise<StoreAttempt> {
  try {
    return { store, reading: await read() };
  } catch (error) {
    if (isCrawlError(error)) return { store, error };
    throw error;
  }
}

const normalizeSeller = (name: string) => name.replace(/\s+/g, '').toLowerCase();

/** Search hits by other sellers whose name is close to the app's, most similar first, without duplicates. */
export function selectLookalikes(
  own: { storeAppId: string; names: readonly string[]; sellers: readonly (string | null | undefined)[] },
  candidates: readonly StoreListingInput[],
  options: Pick<LookalikeOptions, 'lookalikeMinSimilarity' | 'maxLookalikes'>,
): StoreListingInput[] {
  const ownSellers = new Set(own.sellers.filter((s): s is string => !!s).map(normalizeSeller));
  const seen = new Set([own.storeAppId]);
  const scored: { listing: StoreListingInput; similarity: number }[] = [];
  for (const listing of candidates) {
    if (seen.has(listing.storeAppId)) continue;
    seen.add(listing.storeAppId);
    if ([listing.sellerName, listing.sellerId].some((s) => s && ownSellers.has(normalizeSeller(s)))) continue;
    const similarity = Math.max(0, ...own.names.map((name) => nameSimilarity(name, listing.appName)));
    if (similarity >= options.lookalikeMinSimilarity) scored.push({ listing, similarity });
  }
  return scored
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, options.maxLookalikes)
    .map((s) => s.listing);
}

/** Search terms for one app: the configured ones, then the listed name, each once. */
export const searchTermsFor = (appName: string, options: Pick<LookalikeOptions, 'searchTerms'>): string[] => [
  ...new Set([...options.searchTerms, appName]),
];

// A store that refuses us says more than one that does not list the app: its kind wins when stores disagree.
const KIND_WEIGHT: Partial<Record<CrawlError['kind'], number>> = { NOT_FOUND: 0, DELETED: 1, PARSE: 2 };
const weight = (error: CrawlError) => KIND_WEIGHT[error.kind] ?? 3;

function combinedError(failures: readonly Extract<StoreAttempt, { error: CrawlError }>[]): CrawlError {
  const first = failures[0];
  if (!first) return new CrawlError('INTERNAL', 'No app store configured for this account', { retryable: false });
  if (failures.length === 1) return first.error;
  const chosen = [...failures].sort((a, b) => weight(b.error) - weight(a.error))[0]?.error ?? first.error;
  const message = failures.map((f) => `${f.store}: ${f.error.message}`).join('; ');
  return new CrawlError(chosen.kind, message, {
    httpStatus: chosen.httpStatus,
    retryable: chosen.retryable,
    retryAfterMs: chosen.retryAfterMs,
  });
}

/**
 * One snapshot from the stores an app is read in: failed only when no store could be read; a store that failed
 * next to one that answered makes the crawl partial. Apps have no posts, so no coverage window is claimed.
 */
export function appSnapshot(target: CrawlTarget, ctx: CrawlContext, attempts: readonly StoreAttempt[]): SnapshotInput {
  const readings = attempts.flatMap((a) => ('reading' in a ? [a.reading] : []));
  const failures = attempts.flatMap((a) => ('error' in a ? [a] : []));
  const first = readings[0];
  if (!first) return failedSnapshot(target, ctx, combinedError(failures));
  const listings = new Map<string, StoreListingInput>();
  for (const l of readings.flatMap((r) => r.lookalikes)) listings.set(`${l.store}:${l.storeAppId}`, l);
  return {
    accountId: target.accountId,
    platform: target.platform,
    fetchedAt: ctx.now,
    outcome: { ok: true, partial: failures.length > 0 || readings.some((r) => r.partial) },
    profile: first.profile,
    posts: [],
    coverage: null,
    deletedPostIds: [],
    appReleases: readings.map((r) => r.release),
    storeListings: [...listings.values()],
    factsRead: ['profile', 'listing'],
  };
}

/** Icon URLs differ by size only in their last path segment; the rest identifies the artwork. */
export const iconKey = (url: string | null | undefined): string | null =>
  url ? url.replace(/^https?:\/\/[^/]+/, '').replace(/\/[^/]*$/, '') || url : null;

/** A store listing as an account profile: name, icon and description; stores expose none of the social fields. */
export function storeProfile(p: {
  displayName: string;
  avatarUrl: string | null | undefined;
  description: string | null | undefined;
}): ProfileInput {
  return {
    displayName: p.displayName,
    avatarUrl: p.avatarUrl ?? null,
    avatarHash: iconKey(p.avatarUrl),
    description: p.description ?? null,
    isVerified: null,
    verifiedReason: null,
    verifiedType: null,
    followersCount: null,
    followingCount: null,
    postsCount: null,
    isInteractionEnabled: null,
    hasFeedbackChannel: null,
    ipLocation: null,
  };
}
