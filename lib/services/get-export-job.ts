import { canAccessAgency, EXPORT_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import { findExportJob } from '@/lib/data/export-jobs';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { exportJobIdSchema, type ExportJobDto } from '@/lib/schemas/export-job';
import { toExportJobDto } from './list-export-jobs';

// Someone else's job, an expired one and a missing one answer alike (as the download does).
const missing = () => new AppError('NOT_FOUND', 'notFound', { params: { thing: 'exportJob' } });

/** One of the caller's own background exports with its progress, while its agency is still in their export scope. */
export async function getExportJob({
  access,
  id,
  locale,
  now,
  db = getDb(),
}: {
  access: Access;
  id: unknown;
  locale: Locale;
  now: Date;
  db?: Db;
}): Promise<ExportJobDto> {
  const parsed = exportJobIdSchema.safeParse(id);
  if (!parsed.success) throw missing();
  const job = await findExportJob(db, parsed.data);
  if (!job || job.requestedById !== access.userId || (job.expiresAt && job.expiresAt <= now)) throw missing();
  const agency = await findAgencyNode(db, job.agencyId);
  if (!agency || !canAccessAgency(access, EXPORT_ROLES, agency)) throw missing();
  return toExportJobDto({ ...job, agencyName: agency.name }, locale);
}
