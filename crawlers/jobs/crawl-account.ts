import { ZodError } from 'zod';
import type { PrismaClient } from '@/lib/db/types';
import { findCrawlTarget, findLastCoveredDay, setNextCrawlAt, type CrawlTargetDto } from '@/lib/data/crawl-targets';
import { crawlErrorKindSchema, platformCodeSchema, type CrawlErrorKind, type PlatformCode } from '@/lib/schemas/enums';
import type { SnapshotInput } from '@/lib/schemas/snapshot';
import { ingestSnapshot, type IngestSummary } from '@/lib/services/ingest-snapshot';
import { shanghaiDayStart } from '@/lib/time';
import { logJob } from './log';
import { crawlSlotKey } from './slots';

export const BACKFILL_DAYS = 60;
export const DEFAULT_CRAWL_INTERVAL_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

export type CrawlJobTarget = CrawlTargetDto & { platform: PlatformCode; since: Date; credential?: unknown };
export type AccountCrawler<C> = { crawl(target: CrawlJobTarget, ctx: C): Promise<SnapshotInput> };
export type CrawlerLookup<C> = (platform: PlatformCode) => AccountCrawler<C> | null;

export type CrawlAccountSummary =
  | { accountId: string; status: 'SKIPPED'; reason: 'ACCOUNT_NOT_FOUND' | 'UNKNOWN_PLATFORM' }
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
};

/** Start of the window to fetch: the last fully covered day (re-read, for late edits), at most 60 days back. */
export function crawlSince(now: Date, lastCoveredDay: string | null): Date {
  const floor = new Date(now.getTime() - BACKFILL_DAYS * DAY_MS);
  if (!lastCoveredDay) return floor;
  const start = shanghaiDayStart(lastCoveredDay);
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
  const platform = platformResult.data;
  const since = crawlSince(now, await findLastCoveredDay(db, accountId));
  const credential = target.credentialId && args.resolveCredential ? await args.resolveCredential(target.credentialId) : undefined;
  const snapshot = await crawlOrFailure(args, { ...target, platform, since, credential });
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
