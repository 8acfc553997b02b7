import { canAccessAgency, EXPORT_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import { countActiveExportJobs, createExportJobRow } from '@/lib/data/export-jobs';
import { AppError, notFound } from '@/lib/errors';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { startExportJobInputSchema } from '@/lib/schemas/export-job';
import { recordAudit } from './record-audit';

/** Background exports one user may have waiting or running at once. */
export const MAX_ACTIVE_EXPORT_JOBS = 3;

/**
 * Queues a notice, an annual report or the assessment ZIP for the worker (any scope size; above the direct limit it is
 * the only way). The row is all this does inside Next.js: the worker's dispatcher hands it to the queue within seconds.
 * Audited.
 */
export async function startExportJob({
  access,
  input,
  now: _now,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  now: Date;
  db?: PrismaClient;
}): Promise<{ id: string }> {
  const q = startExportJobInputSchema.parse(input);
  const agency = await findAgencyNode(db, q.agencyId);
  if (!agency || !canAccessAgency(access, EXPORT_ROLES, agency)) throw notFound('agency');
  if ((await countActiveExportJobs(db, access.userId)) >= MAX_ACTIVE_EXPORT_JOBS) {
    throw new AppError('CONFLICT', 'exportJobsBusy', { params: { limit: MAX_ACTIVE_EXPORT_JOBS } });
  }
  const locale = q.locale ?? (isLocale(access.locale) ? access.locale : DEFAULT_LOCALE);
  return db.$transaction(async (tx) => {
    const row = await createExportJobRow(tx, {
      requestedById: access.userId,
      kind: q.kind,
      period: q.period,
      agencyId: q.agencyId,
      format: q.format,
      locale,
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'export.job-queued',
      entityType: 'export_job',
      entityId: row.id,
      after: { kind: q.kind, period: q.period, agencyId: q.agencyId, format: q.format, locale },
    });
    return { id: row.id };
  });
}
