import { ZodError } from 'zod';
import type { PrismaClient } from '@/lib/db/types';
import { findCrawlTarget, findLastCoveredDay, isAccountClosedAt, listKnownPostIds, setNextCrawlAt, type CrawlTargetDto } from '@/lib/data/crawl-targets';
import { crawlErrorKindSchema, platformCodeSchema, type CrawlErrorKind, type PlatformCode } from '@/lib/schemas/enums';
import type { SnapshotInput } from '@/lib/schemas/snapshot';
import { ingestSnapshot, type IngestSummary } from '@/lib/services/ingest-snapshot';
import { shanghaiDayStart } from '@/lib/time';
import { logJob } from './log';
import { crawlSlotKey } from './slots';

export const BACKFILL_DAYS = 60;
export const DEFAULT_CRAWL_INTERVAL_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

export type CrawlJobTarget = CrawlTargetDto & { platform: PlatformCode; since: Date; credential?: unknown; knownPostIds: string[] };
export type AccountCrawler<C> = { crawl(target: CrawlJobTarget, ctx: C): Promise<SnapshotInput> };
export type CrawlerLookup<C> = (platform: PlatformCode) => AccountCrawler<C> | null;

export type CrawlAccountSummary =
  | { accountId: string; status: 'SKIPPED'; reason: 'ACCOUNT_NOT_FOUND' | 'UNKNOWN_PLATFORM' | 'ACCOUNT_CLOSED' }
  | { accountId: string; status: IngestSummary['status']; errorKind: CrawlErrorKind | null; ingest: IngestSummary; since: string };

export type CrawlAccountArgs<C> = {
  now: Date;
  db: PrismaClient;
  accountId: string;
  crawlers: CrawlerLookup<C>;
  ctx: C;
  /** Slot start the run belongs to; the CrawlRun slot key makes a repeated slot overwrite, never duplicate. */
  slot?: Date;
  crawlIntervalMs?: number;
  clock?: () => Date;
  /** Decrypts an account's PlatformCredential; without it crawlers run anonymously. */
  resolveCredential?: (credentialId: string) => Promise<unknown>;
  /** Told how a crawl that used a credential went, so a credential the platform refused shows its error. */
  reportCredential?: (credentialId: string, outcome: SnapshotInput['outcome']) => Promise<void>;
};

/** Days every crawl re-reads, so edits and deletions of the last week are seen (a post missing from them is checked). */
export const REREAD_DAYS = 7;

/**
 * Start of the window to fetch: the last fully covered day or REREAD_DAYS back, whichever is earlier (re-read for
 * late edits and deletions), at most BACKFILL_DAYS back.
 */
export function crawlSince(now: Date, lastCoveredDay: string | null): Date {
  const floor = new Date(now.getTime() - BACKFILL_DAYS * DAY_MS);
  if (!lastCoveredDay) return floor;
  const reread = shanghaiDayStart(new Date(now.getTime() + 8 * 3_600_000 - REREAD_DAYS * DAY_MS).toISOString().slice(0, 10));
  const lastCovered = shanghaiDayStart(lastCoveredDay);
  const start = lastCovered < reread ? lastCovered : reread;
  return start < floor ? floor : start;
}

/** Crawls one account and stores the result; a crawler that throws is recorded as a FAILED crawl, never as "no posts". */
export async function runCrawlAccount<C>(args: CrawlAccountArgs<C>): Promise<CrawlAccountSummary> {
  const { now, db, accountId } = args;
  const clock = args.clock ?? (() => new Date());
  const started = clock();
  const target = await findCrawlTarget(db, accountId);
  const platformResult = platformCodeSchema.safeParse(target?.platform);
  if (!target || !platformResult.success) {
    const reason = target ? 'UNKNOWN_PLATFORM' : 'ACCOUNT_NOT_FOUND';
    logJob({ job: 'crawl-account', accountId, kind: reason, ms: clock().getTime() - started.getTime() });
    return { accountId, status: 'SKIPPED', reason };
  }
  if (await isAccountClosedAt(db, accountId, now)) {
    logJob({ job: 'crawl-account', accountId, kind: 'ACCOUNT_CLOSED', ms: clock().getTime() - started.getTime() });
    return { accountId, status: 'SKIPPED', reason: 'ACCOUNT_CLOSED' };
  }
  const platform = platformResult.data;
  const since = crawlSince(now, await findLastCoveredDay(db, accountId));
  const credential = await resolveCredentialOrFailure(args, target, platform);
  // Posts stored for the window, so a crawler that reads the whole window can tell which ones were deleted upstream.
  const knownPostIds = await listKnownPostIds(db, accountId, since, now);
  const snapshot = 'failure' in credential ? credential.failure : await crawlOrFailure(args, { ...target, platform, since, credential: credential.payload, knownPostIds });
  if (target.credentialId && 'payload' in credential && credential.payload !== undefined) await args.reportCredential?.(target.credentialId, snapshot.outcome);
  const options = { now: clock(), startedAt: started, slotKey: crawlSlotKey(accountId, args.slot ?? now) };
  let ingest: IngestSummary;
  try {
    ingest = await ingestSnapshot(db, snapshot, options);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    ingest = await ingestSnapshot(db, failedSnapshot(target, platform, now, 'PARSE', `crawler output rejected: ${error.issues[0]?.message ?? ''}`), options);
  }
  await setNextCrawlAt(db, [accountId], new Date(now.getTime() + (args.crawlIntervalMs ?? DEFAULT_CRAWL_INTERVAL_MS)));
  const errorKind = snapshot.outcome.ok ? null : snapshot.outcome.kind;
  logJob({ job: 'crawl-account', accountId, kind: errorKind ?? ingest.status, ms: clock().getTime() - started.getTime() });
  return { accountId, status: ingest.status, errorKind: ingest.status === 'FAILED' ? (errorKind ?? 'PARSE') : null, ingest, since: since.toISOString() };
}

/** A credential that cannot be decrypted fails the crawl as AUTH (stored as a FAILED day), never as an anonymous crawl. */
async function resolveCredentialOrFailure<C>(args: CrawlAccountArgs<C>, target: CrawlTargetDto, platform: PlatformCode): Promise<{ payload: unknown } | { failure: SnapshotInput }> {
  if (!target.credentialId || !args.resolveCredential) return { payload: undefined };
  try {
    return { payload: await args.resolveCredential(target.credentialId) };
  } catch (error) {
    return { failure: failedSnapshot(target, platform, args.now, errorKindOf(error), error instanceof Error ? error.message : String(error)) };
  }
}

async function crawlOrFailure<C>(args: CrawlAccountArgs<C>, target: CrawlJobTarget): Promise<SnapshotInput> {
  const crawler = args.crawlers(target.platform);
  if (!crawler) return failedSnapshot(target, target.platform, args.now, 'INTERNAL', `no crawler for platform ${target.platform}`);
  try {
    const snapshot = await crawler.crawl(target, args.ctx);
    return { ...snapshot, accountId: target.accountId };
  } catch (error) {
    return failedSnapshot(target, target.platform, args.now, errorKindOf(error), error instanceof Error ? error.message : String(error));
  }
}

/** A thrown CrawlError keeps its kind (`http` → HTTP); anything else is INTERNAL. */
function errorKindOf(error: unknown): CrawlErrorKind {
  const kind = typeof error === 'object' && error !== null && 'kind' in error ? String(error.kind).toUpperCase() : '';
  const parsed = crawlErrorKindSchema.safeParse(kind);
  return parsed.success ? parsed.data : 'INTERNAL';
}

export function failedSnapshot(target: CrawlTargetDto, platform: PlatformCode, now: Date, kind: CrawlErrorKind, message: string): SnapshotInput {
  return {
    accountId: target.accountId,
    platform,
    fetchedAt: now,
    outcome: { ok: false, kind, message: message.slice(0, 2000), httpStatus: null, retryable: kind !== 'INTERNAL' },
    profile: null,
    posts: [],
    coverage: null,
    deletedPostIds: [],
    appReleases: [],
    storeListings: [],
  };
}
