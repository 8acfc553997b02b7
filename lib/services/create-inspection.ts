import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import { findEditionByCode } from '@/lib/data/editions';
import { createInspectionRow } from '@/lib/data/inspections';
import { AppError } from '@/lib/errors';
import { createInspectionInputSchema } from '@/lib/schemas/inspection';
import { recordAudit } from './record-audit';

/**
 * Registers an inspection (PENDING); the worker scores it. A sample draws `sampleRatio` of the tree's
 * open accounts with a stored seed, so the same sample can be drawn again.
 */
export async function createInspection({
  access,
  input,
  db = getDb(),
}: {
  access: Access | null;
  input: unknown;
  db?: PrismaClient;
}) {
  const data = createInspectionInputSchema.parse(input);
  const agency = await findAgencyNode(db, data.scopeAgencyId);
  if (!agency) throw new AppError('VALIDATION', 'unknownAgency', { field: 'scopeAgencyId' });
  if (access && !canAccessAgency(access, REVIEW_ROLES, agency)) throw new AppError('FORBIDDEN', 'agencyOutOfScope');
  const edition = await findEditionByCode(db, data.editionCode);
  if (!edition) throw new AppError('VALIDATION', 'unknownEdition', { field: 'editionCode' });
  if (edition.status !== 'PUBLISHED') throw new AppError('VALIDATION', 'editionNotPublished', { field: 'editionCode' });
  // An edition a county owns scores that county's subtree only (docs/security.md): never the province above it.
  if (
    edition.ownerAgencyId !== null &&
    edition.ownerAgencyId !== agency.id &&
    !agency.ancestorIds.includes(edition.ownerAgencyId)
  ) {
    throw new AppError('VALIDATION', 'editionNotApplicable', { field: 'editionCode' });
  }
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
    await recordAudit(tx, {
      actorId: access?.userId ?? null,
      action: 'inspection.create',
      entityType: 'inspection',
      entityId: row.id,
      after: data,
    });
    return row;
  });
}
