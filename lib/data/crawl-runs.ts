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
};

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
