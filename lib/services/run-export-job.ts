import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import {
  claimExportJob,
  completeExportJob,
  failExportJob,
  findExportJob,
  setExportJobProgress,
} from '@/lib/data/export-jobs';
import { AppError, isAppError } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/config';
import { EXPORT_FORMATS, exportQuerySchema, type ExportFormat } from '@/lib/schemas/export';
import { exportAssessmentZip, ZIP_JOB_UNIT_LIMITS } from './export-assessment-zip';
import { EXPORT_REPORT_STEPS, exportReport } from './export-report';
import { getUserAccess } from './get-user-access';

const envHours = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
/** A finished job's file is kept EXPORT_JOB_RETENTION_HOURS (168: a week), then deleted by the dispatcher. */
export const exportJobRetentionMs = (): number => envHours('EXPORT_JOB_RETENTION_HOURS', 168) * 3_600_000;
/** A RUNNING job older than this was left by a dead worker and may be taken again (the queue's expiry is 30 min). */
export const EXPORT_JOB_STALE_MS = 30 * 60_000;

const exportFormat = (format: string): ExportFormat => EXPORT_FORMATS.find((f) => f === format) ?? 'xlsx';

export type ExportJobOutcome = 'done' | 'failed' | 'skipped';

/** What a failed job tells its requester: the AppError's own sentence when it needs no parameters, else a generic one. */
function errorKeyOf(error: unknown): string {
  return isAppError(error) && !error.params ? error.key : 'exportJobFailed';
}

/**
 * The worker's side of a background export: claims the job, builds and renders the document as the requester (their
 * scope checked again now), writing progress after each step, and stores the file. The export itself is audited by
 * exportReport like a direct one. Failures are stored on the job (the requester sees why) and not retried.
 */
export async function runExportJob({
  jobId,
  now,
  db = getDb(),
}: {
  jobId: string;
  now: () => Date;
  db?: Db;
}): Promise<ExportJobOutcome> {
  const job = await findExportJob(db, jobId);
  if (!job) return 'skipped';
  const total = EXPORT_REPORT_STEPS;
  if (!(await claimExportJob(db, job.id, now(), new Date(now().getTime() - EXPORT_JOB_STALE_MS), total)))
    return 'skipped';
  try {
    const access = await getUserAccess({ userId: job.requestedById, db });
    if (!access) throw new AppError('UNAUTHORIZED', 'signInFirst');
    let steps = total;
    const onProgress = async (done: number, of: number) => {
      steps = of;
      await setExportJobProgress(db, job.id, done, of);
    };
    const locale = isLocale(job.locale) ? job.locale : undefined;
    const file =
      job.kind === 'assessment-zip'
        ? {
            ...(await exportAssessmentZip({
              access,
              query: { agencyId: job.agencyId, year: Number(job.period), format: exportFormat(job.format), locale },
              now: now(),
              db,
              limits: ZIP_JOB_UNIT_LIMITS,
              onProgress,
            })),
            contentType: 'application/zip',
          }
        : await exportReport({
            access,
            query: exportQuerySchema.parse({
              kind: job.kind,
              period: job.period,
              agencyId: job.agencyId,
              format: job.format,
              locale,
            }),
            now: now(),
            db,
            onProgress,
          });
    const finishedAt = now();
    await completeExportJob(db, job.id, file, finishedAt, new Date(finishedAt.getTime() + exportJobRetentionMs()));
    await setExportJobProgress(db, job.id, steps, steps);
    return 'done';
  } catch (error) {
    const finishedAt = now();
    await failExportJob(
      db,
      job.id,
      errorKeyOf(error),
      finishedAt,
      new Date(finishedAt.getTime() + exportJobRetentionMs()),
    );
    if (!isAppError(error)) throw error;
    return 'failed';
  }
}
