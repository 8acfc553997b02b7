import type { Db } from '@/lib/db/types';

export type NewExportJob = {
  requestedById: string;
  kind: string;
  period: string;
  agencyId: string;
  format: string;
  locale: string;
};

const LIST_SELECT = {
  id: true,
  kind: true,
  period: true,
  agencyId: true,
  format: true,
  locale: true,
  status: true,
  stepsDone: true,
  stepsTotal: true,
  errorKey: true,
  filename: true,
  byteSize: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  expiresAt: true,
} as const;

export async function createExportJobRow(db: Db, data: NewExportJob) {
  return db.exportJob.create({ data, select: LIST_SELECT });
}

/** Jobs of one user that are still waiting or being generated. */
export async function countActiveExportJobs(db: Db, requestedById: string): Promise<number> {
  return db.exportJob.count({ where: { requestedById, status: { in: ['QUEUED', 'RUNNING'] } } });
}

/** A user's most recent jobs (never the file bytes), with the agency's name. */
export async function listExportJobsOf(db: Db, requestedById: string, now: Date, take: number) {
  const rows = await db.exportJob.findMany({
    where: { requestedById, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: 'desc' },
    take,
    select: LIST_SELECT,
  });
  const agencies = await db.agency.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.agencyId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  return rows.map((r) => ({ ...r, agencyName: names.get(r.agencyId) ?? '' }));
}

export async function findExportJob(db: Db, id: string) {
  return db.exportJob.findUnique({ where: { id }, select: { ...LIST_SELECT, requestedById: true } });
}

export async function findExportJobFile(db: Db, id: string) {
  return db.exportJob.findUnique({
    where: { id },
    select: {
      id: true,
      requestedById: true,
      agencyId: true,
      kind: true,
      period: true,
      format: true,
      status: true,
      expiresAt: true,
      filename: true,
      asciiFilename: true,
      contentType: true,
      content: true,
    },
  });
}

/**
 * Takes a job for this run: a queued one, or one left RUNNING by a worker that died before `staleBefore`. Conditional,
 * so two workers never run the same job.
 */
export async function claimExportJob(
  db: Db,
  id: string,
  now: Date,
  staleBefore: Date,
  stepsTotal: number,
): Promise<boolean> {
  const { count } = await db.exportJob.updateMany({
    where: { id, OR: [{ status: 'QUEUED' }, { status: 'RUNNING', startedAt: { lt: staleBefore } }] },
    data: { status: 'RUNNING', startedAt: now, stepsDone: 0, stepsTotal, errorKey: null },
  });
  return count === 1;
}

export async function setExportJobProgress(db: Db, id: string, stepsDone: number, stepsTotal: number): Promise<void> {
  await db.exportJob.update({ where: { id }, data: { stepsDone, stepsTotal }, select: { id: true } });
}

export async function completeExportJob(
  db: Db,
  id: string,
  file: { filename: string; asciiFilename: string; contentType: string; bytes: Uint8Array },
  finishedAt: Date,
  expiresAt: Date,
): Promise<void> {
  await db.exportJob.update({
    where: { id },
    data: {
      status: 'DONE',
      finishedAt,
      expiresAt,
      filename: file.filename,
      asciiFilename: file.asciiFilename,
      contentType: file.contentType,
      content: Buffer.from(file.bytes),
      byteSize: file.bytes.byteLength,
    },
    select: { id: true },
  });
}

export async function failExportJob(
  db: Db,
  id: string,
  errorKey: string,
  finishedAt: Date,
  expiresAt: Date,
): Promise<void> {
  await db.exportJob.update({
    where: { id },
    data: { status: 'FAILED', errorKey, finishedAt, expiresAt, content: null },
    select: { id: true },
  });
}

/** Queued jobs, oldest first, for the worker's dispatcher. */
export async function listQueuedExportJobIds(db: Db, limit = 50): Promise<string[]> {
  const rows = await db.exportJob.findMany({
    where: { status: 'QUEUED' },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Files past their retention are deleted with their job row. */
export async function deleteExpiredExportJobs(db: Db, now: Date): Promise<number> {
  return (await db.exportJob.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}

/** Registered accounts (any state) in each agency's subtree: the size that decides direct or background export. */
export async function countSubtreeAccounts(db: Db, agencyIds: string[]): Promise<Map<string, number>> {
  if (agencyIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ id: string; accounts: number }>>`
    SELECT r.id::text AS id, count(acc.id)::int AS accounts
    FROM agency r
    JOIN agency ag ON ag.id = r.id OR r.id = ANY(ag.ancestor_ids)
    JOIN account acc ON acc.agency_id = ag.id
    WHERE r.id = ANY(${agencyIds}::uuid[])
    GROUP BY r.id`;
  return new Map(agencyIds.map((id) => [id, rows.find((r) => r.id === id)?.accounts ?? 0]));
}
