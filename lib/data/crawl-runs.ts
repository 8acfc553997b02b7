import type { Db } from '@/lib/db/types';
import type { CrawlErrorKind } from '@/lib/schemas/enums';

export type CrawlRunDto = {
  id: string;
  accountId: string;
  status: string;
  errorKind: string | null;
  errorMessage: string | null;
  httpStatus: number | null;
  requestedAt: string;
  finishedAt: string | null;
  coverageFrom: string | null;
  coverageTo: string | null;
};

type CrawlRunRow = {
  id: string;
  accountId: string;
  status: string;
  errorKind: string | null;
  errorMessage: string | null;
  httpStatus: number | null;
  requestedAt: Date;
  finishedAt: Date | null;
  coverageFrom: Date | null;
  coverageTo: Date | null;
};

const toDto = (row: CrawlRunRow): CrawlRunDto => ({
  id: row.id,
  accountId: row.accountId,
  status: row.status,
  errorKind: row.errorKind,
  errorMessage: row.errorMessage,
  httpStatus: row.httpStatus,
  requestedAt: row.requestedAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
  coverageFrom: row.coverageFrom?.toISOString() ?? null,
  coverageTo: row.coverageTo?.toISOString() ?? null,
});

export type FinishCrawlRunInput = {
  accountId: string;
  slotKey: string;
  status: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  errorKind: CrawlErrorKind | null;
  errorMessage: string | null;
  httpStatus: number | null;
  startedAt: Date;
  finishedAt: Date;
  coverageFrom: Date | null;
  coverageTo: Date | null;
  postsSeen: number;
  commentsSeen: number;
  /** Facts the crawl read (lib/schemas/snapshot.ts FACTS_READ). */
  factsRead: string[];
  /** When the platform answered (the snapshot's fetchedAt). */
  fetchedAt: Date;
  /** What reparse needs (lib/schemas/snapshot.ts ReplayInput, dates as ISO); undefined leaves the stored one. */
  replayInput?: { since: string; knownPostIds: string[]; origins?: Record<string, string>; captureComplete: boolean };
  /** sha256 of the derived snapshot (ingest-snapshot.ts snapshotDigest). */
  snapshotDigest?: string;
  /** Set by a reparse. */
  reparsedAt?: Date;
};

/**
 * Serializes the ingests of one slot until the transaction ends (a retried job and its expired first attempt may
 * finish together) and says whether the slot already has a run, i.e. this ingest repeats a committed one.
 */
export async function lockCrawlSlot(db: Db, slotKey: string): Promise<boolean> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${slotKey}, 0))`;
  // A statement of its own: its snapshot is taken after the lock, so it sees a run the other ingest committed.
  return (await db.crawlRun.findUnique({ where: { slotKey }, select: { id: true } })) !== null;
}

/** Creates or completes the run of a slot; a second worker finishing the same slot overwrites with equal data. */
export async function upsertFinishedCrawlRun(db: Db, input: FinishCrawlRunInput): Promise<CrawlRunDto> {
  const { slotKey, accountId, ...fields } = input;
  const row = await db.crawlRun.upsert({
    where: { slotKey },
    create: { slotKey, accountId, ...fields },
    update: fields,
  });
  return toDto(row);
}

export async function listRecentCrawlRuns(db: Db, accountId: string, limit = 20): Promise<CrawlRunDto[]> {
  const rows = await db.crawlRun.findMany({
    where: { accountId },
    orderBy: { requestedAt: 'desc' },
    take: limit,
  });
  return rows.map(toDto);
}
