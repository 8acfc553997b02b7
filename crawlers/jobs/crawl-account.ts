import { ZodError } from 'zod';
import type { PrismaClient } from '@/lib/db/types';
import type { CrawlErrorKind } from '@/lib/schemas/enums';
import type { SnapshotInput } from '@/lib/schemas/snapshot';
import { ingestSnapshot, type IngestSummary } from '@/lib/services/ingest-snapshot';
import { planCrawl, type PlannedTarget } from '@/lib/services/plan-crawl';
import { scheduleNextCrawl } from '@/lib/services/schedule-crawls';
import { captureHttp } from '../archive/capture';
import { CrawlError } from '../errors';
import type { HttpClient } from '../http';
import { failedSnapshot } from '../outcome';
import type { CrawlerLookup, CrawlTarget } from '../types';
import { logJob } from './log';
import { crawlSlotKey } from './slots';

export const DEFAULT_CRAWL_INTERVAL_MS = 6 * 60 * 60 * 1000;

export type CrawlAccountSummary =
  | { accountId: string; status: 'SKIPPED'; reason: 'ACCOUNT_NOT_FOUND' | 'UNKNOWN_PLATFORM' | 'ACCOUNT_CLOSED' }
  | {
      accountId: string;
      status: IngestSummary['status'];
      errorKind: CrawlErrorKind | null;
      ingest: IngestSummary;
      since: string;
    };

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
  /** Keep the answers for the raw archive and health counters (default true; off only to measure its cost). */
  captureRaw?: boolean;
  /** Told how a crawl that used a credential went, so a credential the platform refused shows its error. */
  reportCredential?: (credentialId: string, outcome: SnapshotInput['outcome']) => Promise<void>;
};

/** Crawls one account and stores the result; a crawler that throws is recorded as a FAILED crawl, never as "no posts". */
export async function runCrawlAccount<C>(args: CrawlAccountArgs<C>): Promise<CrawlAccountSummary> {
  const { now, db, accountId } = args;
  const clock = args.clock ?? (() => new Date());
  const started = clock();
  const plan = await planCrawl({ db, accountId, now });
  if (plan.status === 'SKIPPED') {
    logJob({ job: 'crawl-account', accountId, kind: plan.reason, ms: clock().getTime() - started.getTime() });
    return { accountId, status: 'SKIPPED', reason: plan.reason };
  }
  const { target, since, knownPostIds } = plan;
  const credential = await resolveCredentialOrFailure(args, target);
  const snapshot =
    'failure' in credential
      ? credential.failure
      : await crawlOrFailure(args, { ...target, since, credential: credential.payload, knownPostIds });
  if (target.credentialId && 'payload' in credential && credential.payload !== undefined)
    await args.reportCredential?.(target.credentialId, snapshot.outcome);
  const options = { now: clock(), startedAt: started, slotKey: crawlSlotKey(accountId, args.slot ?? now) };
  let ingest: IngestSummary;
  try {
    ingest = await ingestSnapshot(db, snapshot, options);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    ingest = await ingestSnapshot(
      db,
      failedSnapshot(
        target,
        { now },
        new CrawlError('PARSE', `crawler output rejected: ${error.issues[0]?.message ?? ''}`),
      ),
      options,
    );
  }
  await scheduleNextCrawl(
    db,
    [accountId],
    new Date(now.getTime() + (args.crawlIntervalMs ?? DEFAULT_CRAWL_INTERVAL_MS)),
  );
  const errorKind = snapshot.outcome.ok ? null : snapshot.outcome.kind;
  logJob({
    job: 'crawl-account',
    accountId,
    kind: errorKind ?? ingest.status,
    ms: clock().getTime() - started.getTime(),
  });
  return {
    accountId,
    status: ingest.status,
    errorKind: ingest.status === 'FAILED' ? (errorKind ?? 'PARSE') : null,
    ingest,
    since: since.toISOString(),
  };
}

/** A credential that cannot be decrypted fails the crawl as AUTH (stored as a FAILED day), never as an anonymous crawl. */
async function resolveCredentialOrFailure<C>(
  args: CrawlAccountArgs<C>,
  target: PlannedTarget,
): Promise<{ payload: unknown } | { failure: SnapshotInput }> {
  if (!target.credentialId || !args.resolveCredential) return { payload: undefined };
  try {
    return { payload: await args.resolveCredential(target.credentialId) };
  } catch (error) {
    return { failure: failedSnapshot(target, args, error) };
  }
}

async function crawlOrFailure<C>(
  args: CrawlAccountArgs<C>,
  target: CrawlTarget & { knownPostIds: readonly string[] },
): Promise<SnapshotInput> {
  const crawler = args.crawlers(target.platform);
  if (!crawler)
    return failedSnapshot(
      target,
      args,
      new CrawlError('INTERNAL', `no crawler for platform ${target.platform}`, { retryable: false }),
    );
  // Contexts with an HTTP client (every real crawl) have their answers captured for the raw archive and health counters.
  const capture =
    args.captureRaw !== false && hasHttp(args.ctx)
      ? captureHttp(args.ctx.http, { platform: target.platform, now: args.clock ?? (() => new Date()) })
      : null;
  const ctx = capture ? { ...args.ctx, http: capture.http } : args.ctx;
  try {
    const snapshot = await crawler.crawl(target, ctx);
    const origins = hasOrigins(args.ctx) ? { ...args.ctx.origins } : undefined;
    const replay = {
      since: target.since,
      knownPostIds: [...target.knownPostIds],
      origins,
      captureComplete: capture?.complete() ?? false,
    };
    return {
      ...snapshot,
      accountId: target.accountId,
      ...(capture ? { capture: { exchanges: capture.exchanges(), replay } } : {}),
    };
  } catch (error) {
    return failedSnapshot(target, args, error);
  }
}

const hasHttp = <C>(ctx: C): ctx is C & { http: HttpClient } =>
  typeof ctx === 'object' &&
  ctx !== null &&
  'http' in ctx &&
  typeof (ctx as { http?: { fetchText?: unknown } }).http?.fetchText === 'function';

const hasOrigins = <C>(ctx: C): ctx is C & { origins: Record<string, string> } =>
  typeof ctx === 'object' &&
  ctx !== null &&
  'origins' in ctx &&
  typeof ctx.origins === 'object' &&
  ctx.origins !== null;
