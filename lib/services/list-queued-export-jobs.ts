import type { Db } from '@/lib/db/types';
import { deleteExpiredExportJobs, listQueuedExportJobIds } from '@/lib/data/export-jobs';

/** Ids of export rows waiting for a worker (the export-document queue takes one job per row). */
export const listQueuedExportJobs = (db: Db, limit?: number): Promise<string[]> => listQueuedExportJobIds(db, limit);

/** Deletes export rows whose file has expired at `now`; returns how many. */
export const purgeExpiredExportJobs = (db: Db, now: Date): Promise<number> => deleteExpiredExportJobs(db, now);
