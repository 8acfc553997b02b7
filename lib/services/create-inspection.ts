import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agency-scorecard';
import { createInspectionRow, findEditionByCode } from '@/lib/data/inspections';
import { AppError } from '@/lib/errors';
import { createInspectionInputSchema, type CreateInspectionInput } from '@/lib/schemas/inspection';
import { recordAudit } from './record-audit';

/**
 * Registers an inspection (PENDING); the worker scores it. A sample draws `sampleRatio` of the tree's
 * open accounts with a stored seed, so the same sample can be drawn again.
 */
export async function createInspection({ access, input, db = getDb() }: { access: Access | null; input: CreateInspectionInput; db?: PrismaClient }) {
  const data = createInspectionInputSchema.parse(input);
  const agency = await findAgencyNode(db, data.scopeAgencyId);
  if (!agency) throw new AppError('VALIDATION', 'Unknown agency', { details: { scopeAgencyId: ['unknown'] } });
  if (access && !canAccessAgency(access, REVIEW_ROLES, agency)) throw new AppError('FORBIDDEN', 'Agency outside your scope');
  const edition = await findEditionByCode(db, data.editionCode);
  if (!edition) throw new AppError('VALIDATION', 'Unknown indicator edition', { details: { editionCode: ['unknown'] } });
  if (edition.status !== 'PUBLISHED') throw new AppError('VALIDATION', 'Only a published edition can score an inspection', { details: { editionCode: ['draft'] } });
  return db.$transaction(async (tx) => {
    const row = await createInspectionRow(tx, {
      name: data.name,
      monitoringAt: data.monitoringAt,
      scopeAgencyId: agency.id,
      scope: data.scope,
      sampleRatio: data.scope === 'SAMPLE' ? (data.sampleRatio ?? null) : null,
      sampleSeed: data.scope === 'SAMPLE' ? Math.floor(Math.random() * 2 ** 31) : null,
      editionId: edition.id,
      createdById: access?.userId ?? null,
    });
    await recordAudit(tx, { actorId: access?.userId ?? null, action: 'inspection.create', entityType: 'inspection', entityId: row.id, after: data });
    return row;
  });
}
