import type { Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { editionCodeExists, findEditionById, insertDraftEdition } from '@/lib/data/editions';
import { AppError, notFound } from '@/lib/errors';
import { cloneEdition, editionSchema } from '@/lib/scoring';
import { cloneEditionInputSchema } from '@/lib/schemas/edition-admin';
import { assertEditionAdmin } from './edition-admin-access';
import { recordAudit } from './record-audit';

/** Copies an edition (published or draft) into a new DRAFT that can be edited until it is published. */
export async function cloneEditionDraft({ access, input, db = getDb() }: { access: Access; input: unknown; db?: PrismaClient }) {
  assertEditionAdmin(access);
  const data = cloneEditionInputSchema.parse(input);
  const base = await findEditionById(db, data.baseId);
  if (!base) throw notFound('edition');
  if (await editionCodeExists(db, data.code)) throw new AppError('CONFLICT', 'Edition code already used', { details: { code: ['taken'] } });
  const catalogue = cloneEdition(editionSchema.parse(base.catalogue), { code: data.code, name: data.name });
  return db.$transaction(async (tx) => {
    const created = await insertDraftEdition(tx, { code: data.code, name: data.name, basedOnId: base.id, catalogue, createdById: access.userId });
    await recordAudit(tx, { actorId: access.userId, action: 'edition.clone', entityType: 'indicator_edition', entityId: created.id, after: { code: data.code, name: data.name, basedOn: base.code } });
    return created;
  });
}
