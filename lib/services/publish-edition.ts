import type { Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findEditionById, markEditionPublished } from '@/lib/data/editions';
import { AppError, notFound } from '@/lib/errors';
import { readEdition } from '@/lib/scoring';
import { publishEditionInputSchema } from '@/lib/schemas/edition-admin';
import { assertEditionAdmin, assertEditionOwnerAdmin } from './edition-admin-access';
import { recordAudit } from './record-audit';

/** Freezes a draft: from now on inspections may use it and it never changes, so its scores stay reproducible. */
export async function publishEdition({
  access,
  input,
  now,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  now: Date;
  db?: PrismaClient;
}) {
  assertEditionAdmin(access);
  const { id } = publishEditionInputSchema.parse(input);
  const edition = await findEditionById(db, id);
  if (!edition) throw notFound('edition');
  await assertEditionOwnerAdmin(db, access, edition);
  readEdition(edition.catalogue);
  return db.$transaction(async (tx) => {
    if (!(await markEditionPublished(tx, id, now)))
      throw new AppError('CONFLICT', 'publishOnlyDraft', { details: { status: [edition.status] } });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'edition.publish',
      entityType: 'indicator_edition',
      entityId: id,
      after: { code: edition.code },
    });
    return { id };
  });
}
