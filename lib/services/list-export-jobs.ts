import type { Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listExportJobsOf } from '@/lib/data/export-jobs';
import { formatErrorMessage, isAppErrorKey } from '@/lib/i18n/error-messages';
import type { Locale } from '@/lib/i18n/config';
import { exportJobListSchema, exportJobSchema, type ExportJobDto, type ExportJobList } from '@/lib/schemas/export-job';

export const EXPORT_JOBS_LISTED = 10;

/** The caller's own recent background exports (nobody sees another user's files), failures said in `locale`. */
export async function listExportJobs({
  access,
  locale,
  now,
  db = getDb(),
}: {
  access: Access;
  locale: Locale;
  now: Date;
  db?: Db;
}): Promise<ExportJobList> {
  const rows = await listExportJobsOf(db, access.userId, now, EXPORT_JOBS_LISTED);
  return exportJobListSchema.parse({ items: rows.map((r) => toExportJobDto(r, locale)) });
}

type JobRow = Awaited<ReturnType<typeof listExportJobsOf>>[number];

/** A job row as the exports page and the API show it (never the file), a failure said in `locale`. */
export function toExportJobDto(r: JobRow, locale: Locale): ExportJobDto {
  return exportJobSchema.parse({
    id: r.id,
    kind: r.kind,
    period: r.period,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    format: r.format,
    status: r.status,
    stepsDone: r.stepsDone,
    stepsTotal: r.stepsTotal,
    filename: r.filename,
    byteSize: r.byteSize,
    error: r.errorKey ? formatErrorMessage(locale, isAppErrorKey(r.errorKey) ? r.errorKey : 'exportJobFailed') : null,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
  });
}
