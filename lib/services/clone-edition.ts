import type { Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { editionCodeExists, findEditionById, insertDraftEdition } from '@/lib/data/editions';
import { AppError, notFound } from '@/lib/errors';
import { cloneEdition, readEdition, toStoredCatalogue } from '@/lib/scoring';
import { cloneEditionInputSchema } from '@/lib/schemas/edition-admin';
import { assertEditionAdmin } from './edition-admin-access';
import { adminHomeAgencies } from './owner-admin';
import { recordAudit } from './record-audit';

/**
 * Copies an edition (published or draft) into a new DRAFT that can be edited until it is published. The copy
 * belongs to the caller's highest admin agency: a county admin may clone the province's edition into their own
 * (scoring their subtree), never change the province's.
 */
export async function cloneEditionDraft({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  db?: PrismaClient;
}) {
  assertEditionAdmin(access);
  const data = cloneEditionInputSchema.parse(input);
  const base = await findEditionById(db, data.baseId);
  if (!base) throw notFound('edition');
  if (await editionCodeExists(db, data.code)) throw new AppError('CONFLICT', 'editionCodeTaken', { field: 'code' });
  const [home] = await adminHomeAgencies(db, access);
  if (!home) throw new AppError('FORBIDDEN', 'editionsAdminOnly');
  const catalogue = toStoredCatalogue(cloneEdition(readEdition(base.catalogue), { code: data.code, name: data.name }));
  return db.$transaction(async (tx) => {
    const created = await insertDraftEdition(tx, {
      code: data.code,
      name: data.name,
      basedOnId: base.id,
      catalogue,
      createdById: access.userId,
      ownerAgencyId: home.id,
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'edition.clone',
      entityType: 'indicator_edition',
      entityId: created.id,
      after: { code: data.code, name: data.name, basedOn: base.code },
    });
    return created;
  });
}
