import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findBonusAward, markBonusAwardRevoked } from '@/lib/data/bonus-awards';
import { AppError, notFound } from '@/lib/errors';
import { revokeBonusInputSchema } from '@/lib/schemas/bonus-award';
import { recordAudit } from './record-audit';

/** Withdraws an award made in error; the record stays, and no monitoring date counts it any more. */
export async function revokeBonus({
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
  const data = revokeBonusInputSchema.parse(input);
  const award = await findBonusAward(db, data.awardId);
  if (!award || !canAccessAgency(access, REVIEW_ROLES, award.account.agency)) throw notFound('award');
  return db.$transaction(async (tx) => {
    if (!(await markBonusAwardRevoked(tx, award.id, access.userId, now)))
      throw new AppError('CONFLICT', 'awardAlreadyRevoked');
    const { account: _account, ...before } = award;
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'bonus.revoke',
      entityType: 'account',
      entityId: award.account.id,
      before,
      after: { revokedAt: now, reason: data.reason },
    });
    return { id: award.id };
  });
}
