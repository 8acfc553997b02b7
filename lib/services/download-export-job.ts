import { canAccessAgency, EXPORT_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import { findExportJobFile } from '@/lib/data/export-jobs';
import { AppError } from '@/lib/errors';
import { exportJobIdSchema } from '@/lib/schemas/export-job';
import { recordAudit } from './record-audit';

export type ExportJobFile = { bytes: Uint8Array; contentType: string; filename: string; asciiFilename: string };

// Someone else's job, an expired one and a missing one answer alike.
const missing = () => new AppError('NOT_FOUND', 'notFound', { params: { thing: 'exportJob' } });

/**
 * The file of a finished background export, for the user who requested it and only while the agency is still in
 * their export scope (a grant removed since is respected). Audited: the file leaves the system.
 */
export async function downloadExportJob({
  access,
  id,
  now,
  db = getDb(),
}: {
  access: Access;
  id: unknown;
  now: Date;
  db?: Db;
}): Promise<ExportJobFile> {
  const parsed = exportJobIdSchema.safeParse(id);
  if (!parsed.success) throw missing();
  const job = await findExportJobFile(db, parsed.data);
  if (!job || job.requestedById !== access.userId || (job.expiresAt && job.expiresAt <= now)) throw missing();
  const agency = await findAgencyNode(db, job.agencyId);
  if (!agency || !canAccessAgency(access, EXPORT_ROLES, agency)) throw missing();
  if (job.status !== 'DONE' || !job.content || !job.filename || !job.asciiFilename || !job.contentType)
    throw new AppError('CONFLICT', 'exportJobNotReady');
  await recordAudit(db, {
    actorId: access.userId,
    action: 'export.job-download',
    entityType: 'export_job',
    entityId: job.id,
    after: {
      kind: job.kind,
      period: job.period,
      agencyId: job.agencyId,
      format: job.format,
      bytes: job.content.byteLength,
    },
  });
  return {
    bytes: new Uint8Array(job.content),
    contentType: job.contentType,
    filename: job.filename,
    asciiFilename: job.asciiFilename,
  };
}
