import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { completeRectification as saveCompletion, findRectificationScope } from '@/lib/data/rectifications';
import { setFindingReview } from '@/lib/data/findings';
import { AppError, notFound } from '@/lib/errors';
import { completeRectificationInputSchema } from '@/lib/schemas/rectification';
import { recordAudit } from './record-audit';
import { outOfScopeRefusal } from './scope-refusal';

/** Records that the agency fixed a confirmed finding; the finding becomes RECTIFIED (A3 counts late completions). */
export async function completeRectification({
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
  const data = completeRectificationInputSchema.parse(input);
  const row = await findRectificationScope(db, data.id);
  if (!row) throw notFound('rectification');
  if (!canAccessAgency(access, REVIEW_ROLES, row.agency))
    throw outOfScopeRefusal(access, [row.agency], notFound('rectification'), new AppError('FORBIDDEN', 'outOfScope'));
  if (row.doneAt) throw new AppError('CONFLICT', 'rectificationAlreadyCompleted', { field: 'note' });
  await db.$transaction(async (tx) => {
    await saveCompletion(tx, row.id, now, data.note);
    await setFindingReview(tx, [row.findingId], {
      status: 'RECTIFIED',
      reason: data.note,
      reviewerId: access.userId,
      at: now,
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'rectification.complete',
      entityType: 'rectification',
      entityId: row.id,
      before: { doneAt: null },
      after: { doneAt: now, note: data.note },
    });
  });
  return { id: row.id };
}
