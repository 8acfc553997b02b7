import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import type { Db } from '@/lib/db/types';
import type { CrawlErrorKind } from '@/lib/schemas/enums';
import type { CapturedExchange } from '@/lib/schemas/snapshot';

export const rawHashOf = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex');

const compress = (body: string) =>
  brotliCompressSync(Buffer.from(body, 'utf8'), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
const decompress = (encoding: string, data: Uint8Array): string =>
  (encoding === 'gzip' ? gunzipSync(data) : brotliDecompressSync(data)).toString('utf8');

export type StoredExchange = {
  seq: number;
  endpoint: string;
  rawHash: string | null;
  parseFailed: boolean;
  errorKind: CrawlErrorKind | null;
  httpStatus: number | null;
  fetchedAt: Date;
};

/**
 * Archives a run's answers: each body once by its sha256 (an answer seen again only moves `last_seen_at`), and the
 * run's ordered exchanges replacing any earlier list of the same run (a re-ingested slot).
 */
export async function storeRunExchanges(
  db: Db,
  crawlRunId: string,
  exchanges: readonly CapturedExchange[],
): Promise<StoredExchange[]> {
  await db.crawlExchange.deleteMany({ where: { crawlRunId } });
  if (exchanges.length === 0) return [];
  const withHash = exchanges.map((e) => ({ ...e, rawHash: e.body === null ? null : rawHashOf(e.body) }));
  const hashes = [...new Set(withHash.flatMap((e) => (e.rawHash ? [e.rawHash] : [])))];
  const known = new Set(
    (await db.rawResponse.findMany({ where: { hash: { in: hashes } }, select: { hash: true } })).map((r) => r.hash),
  );
  const fresh = new Map<string, (typeof withHash)[number]>();
  for (const e of withHash) if (e.rawHash && !known.has(e.rawHash) && !fresh.has(e.rawHash)) fresh.set(e.rawHash, e);
  if (fresh.size > 0) {
    await db.rawResponse.createMany({
      data: [...fresh.values()].map((e) => ({
        hash: e.rawHash!,
        url: e.url,
        status: e.status ?? 200,
        contentType: e.contentType,
        encoding: 'br',
        sizeBytes: Buffer.byteLength(e.body!, 'utf8'),
        body: compress(e.body!),
        fetchedAt: e.fetchedAt,
        lastSeenAt: e.fetchedAt,
      })),
      skipDuplicates: true,
    });
  }
  const lastSeen = withHash.reduce((max, e) => (e.fetchedAt > max ? e.fetchedAt : max), new Date(0));
  if (known.size > 0)
    await db.rawResponse.updateMany({
      where: { hash: { in: [...known] }, lastSeenAt: { lt: lastSeen } },
      data: { lastSeenAt: lastSeen },
    });
  await db.crawlExchange.createMany({
    data: withHash.map((e) => ({
      crawlRunId,
      seq: e.seq,
      requestKey: e.requestKey,
      endpoint: e.endpoint,
      rawHash: e.rawHash,
      httpStatus: e.status,
      errorKind: e.errorKind,
      errorMessage: e.errorMessage,
      parseFailed: e.parseFailed,
      fetchedAt: e.fetchedAt,
    })),
  });
  return withHash.map((e) => ({
    seq: e.seq,
    endpoint: e.endpoint,
    rawHash: e.rawHash,
    parseFailed: e.parseFailed,
    errorKind: e.errorKind,
    httpStatus: e.status,
    fetchedAt: e.fetchedAt,
  }));
}

export type RawResponseDto = {
  hash: string;
  url: string;
  status: number;
  contentType: string | null;
  sizeBytes: number;
  fetchedAt: Date;
  lastSeenAt: Date;
  body: string;
};

export async function readRawResponse(db: Db, hash: string): Promise<RawResponseDto | null> {
  const row = await db.rawResponse.findUnique({ where: { hash } });
  if (!row) return null;
  return {
    hash: row.hash,
    url: row.url,
    status: row.status,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    fetchedAt: row.fetchedAt,
    lastSeenAt: row.lastSeenAt,
    body: decompress(row.encoding, row.body),
  };
}

/** Accounts whose crawl runs used this answer (with their agency ancestry): a reader may download it when one is in scope. */
export async function listAccountsUsingRaw(
  db: Db,
  hash: string,
): Promise<Array<{ accountId: string; agency: { id: string; ancestorIds: string[] } }>> {
  const rows = await db.crawlExchange.findMany({
    where: { rawHash: hash },
    select: {
      crawlRun: { select: { account: { select: { id: true, agency: { select: { id: true, ancestorIds: true } } } } } },
    },
    distinct: ['crawlRunId'],
    take: 1000,
  });
  const seen = new Map<string, { id: string; ancestorIds: string[] }>();
  for (const r of rows) seen.set(r.crawlRun.account.id, r.crawlRun.account.agency);
  return [...seen].map(([accountId, agency]) => ({ accountId, agency }));
}

export type RunExchangeDto = {
  seq: number;
  requestKey: string;
  endpoint: string;
  rawHash: string | null;
  httpStatus: number | null;
  errorKind: CrawlErrorKind | null;
  errorMessage: string | null;
  url: string | null;
  contentType: string | null;
  body: string | null;
};

/** A run's exchanges in order, with the archived bodies (for replay). */
export async function listRunExchangesWithBodies(db: Db, crawlRunId: string): Promise<RunExchangeDto[]> {
  const rows = await db.crawlExchange.findMany({
    where: { crawlRunId },
    orderBy: { seq: 'asc' },
    include: { raw: true },
  });
  return rows.map((r) => ({
    seq: r.seq,
    requestKey: r.requestKey,
    endpoint: r.endpoint,
    rawHash: r.rawHash,
    httpStatus: r.httpStatus,
    errorKind: r.errorKind,
    errorMessage: r.errorMessage,
    url: r.raw?.url ?? null,
    contentType: r.raw?.contentType ?? null,
    body: r.raw ? decompress(r.raw.encoding, r.raw.body) : null,
  }));
}

export type RunRawDto = {
  crawlRunId: string;
  fetchedAt: Date;
  endpoint: string;
  rawHash: string;
  url: string;
  status: number;
};

/** The archived answers of some runs (a finding's evidence runs), oldest run first, in request order. */
export async function listRawOfRuns(db: Db, crawlRunIds: readonly string[]): Promise<RunRawDto[]> {
  if (crawlRunIds.length === 0) return [];
  const rows = await db.crawlExchange.findMany({
    where: { crawlRunId: { in: [...crawlRunIds] }, rawHash: { not: null } },
    orderBy: [{ fetchedAt: 'asc' }, { seq: 'asc' }],
    select: {
      crawlRunId: true,
      fetchedAt: true,
      endpoint: true,
      rawHash: true,
      raw: { select: { url: true, status: true } },
    },
  });
  return rows.flatMap((r) =>
    r.rawHash && r.raw
      ? [
          {
            crawlRunId: r.crawlRunId,
            fetchedAt: r.fetchedAt,
            endpoint: r.endpoint,
            rawHash: r.rawHash,
            url: r.raw.url,
            status: r.raw.status,
          },
        ]
      : [],
  );
}

/**
 * Deletes answers not seen since `before`; exchanges keep their row with raw_hash null (reparse then refuses the run).
 * Answers of a run behind a finding's evidence stay, whatever their age (the runs of listFindingEvidenceRuns: the run
 * that took its snapshot, the runs that first and last saw its post or first saw its comment).
 */
export async function pruneRawResponses(db: Db, before: Date): Promise<number> {
  return db.$executeRaw`
    WITH evidence_run AS (
      SELECT s.crawl_run_id AS id FROM finding f JOIN snapshot s ON s.id = f.snapshot_id
      WHERE s.crawl_run_id IS NOT NULL
      UNION
      SELECT r.id FROM finding f JOIN post p ON p.id = f.post_id
      JOIN crawl_run r ON r.account_id = f.account_id AND r.fetched_at IN (p.first_seen_at, p.last_seen_at)
      UNION
      SELECT r.id FROM finding f JOIN comment c ON c.id = f.comment_id
      JOIN crawl_run r ON r.account_id = f.account_id AND r.fetched_at = c.first_seen_at
    ), kept AS (
      SELECT DISTINCT e.raw_hash FROM crawl_exchange e JOIN evidence_run er ON er.id = e.crawl_run_id
      WHERE e.raw_hash IS NOT NULL
    )
    DELETE FROM raw_response r WHERE r.last_seen_at < ${before} AND r.hash NOT IN (SELECT raw_hash FROM kept)`;
}

/**
 * Runs behind a finding's evidence: the run that took its snapshot, or the runs that first and last saw its post or
 * comment (ingest stamps first_seen_at/last_seen_at with the crawl's fetchedAt, which the run stores as fetched_at).
 */
export async function listFindingEvidenceRuns(
  db: Db,
  findingId: string,
): Promise<{ accountId: string; agency: { id: string; ancestorIds: string[] }; runIds: string[] } | null> {
  const finding = await db.finding.findUnique({
    where: { id: findingId },
    select: {
      accountId: true,
      account: { select: { agency: { select: { id: true, ancestorIds: true } } } },
      snapshot: { select: { crawlRunId: true } },
      post: { select: { firstSeenAt: true, lastSeenAt: true } },
      comment: { select: { firstSeenAt: true } },
    },
  });
  if (!finding) return null;
  const times = [finding.post?.firstSeenAt, finding.post?.lastSeenAt, finding.comment?.firstSeenAt].filter(
    (t): t is Date => t instanceof Date,
  );
  const runs =
    times.length === 0
      ? []
      : await db.crawlRun.findMany({
          where: { accountId: finding.accountId, fetchedAt: { in: times } },
          select: { id: true },
        });
  const ids = [finding.snapshot?.crawlRunId, ...runs.map((r) => r.id)].filter(
    (id): id is string => typeof id === 'string',
  );
  return { accountId: finding.accountId, agency: finding.account.agency, runIds: [...new Set(ids)] };
}

export type ReparseRunRow = {
  id: string;
  accountId: string;
  slotKey: string;
  fetchedAt: Date;
  startedAt: Date | null;
  replayInput: unknown;
  snapshotDigest: string | null;
  coverageFrom: Date | null;
};

/** Finished runs fetched since `since` (oldest first, so the latest reading ends up stored), optionally of one platform. */
export async function listReparseRuns(
  db: Db,
  { since, platform }: { since: Date; platform?: string },
): Promise<ReparseRunRow[]> {
  const rows = await db.crawlRun.findMany({
    where: {
      fetchedAt: { gte: since },
      status: { in: ['SUCCEEDED', 'PARTIAL'] },
      ...(platform ? { account: { platformCode: platform } } : {}),
    },
    orderBy: [{ fetchedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      accountId: true,
      slotKey: true,
      fetchedAt: true,
      startedAt: true,
      replayInput: true,
      snapshotDigest: true,
      coverageFrom: true,
    },
  });
  return rows.flatMap((r) => (r.fetchedAt ? [{ ...r, fetchedAt: r.fetchedAt }] : []));
}

/** Finished inspections that scored the account at a monitoring date on or after `from`: their inputs may have changed. */
export async function listScoredInspectionsSince(db: Db, accountId: string, from: Date): Promise<string[]> {
  const rows = await db.score.findMany({
    where: { accountId, inspection: { status: 'DONE', monitoringAt: { gte: from } } },
    select: { inspectionId: true },
    distinct: ['inspectionId'],
  });
  return rows.map((r) => r.inspectionId);
}
