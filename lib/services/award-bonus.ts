import { canAccessAgency, READ_ROLES, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { findBonusAccount, insertBonusAward, listBonusAwards, listPublishedCatalogues } from '@/lib/data/bonus-awards';
import { AppError, notFound } from '@/lib/errors';
import { awardBonusInputSchema } from '@/lib/schemas/bonus-award';
import { type BonusItem, safeReadEdition } from '@/lib/scoring';
import { beijingDayStart, beijingToday } from '@/lib/time';
import { recordAudit } from './record-audit';

/** Items any published edition defines, by code; the newest edition's name wins. */
export async function listAwardableBonusItems(db: PrismaClient = getDb()): Promise<BonusItem[]> {
  const byCode = new Map<string, BonusItem>();
  for (const catalogue of await listPublishedCatalogues(db)) {
    const parsed = safeReadEdition(catalogue);
    if (parsed.success) for (const item of parsed.data.bonus.items) byCode.set(item.code, item);
  }
  return [...byCode.values()].sort((a, b) => Number(a.code.slice(1)) - Number(b.code.slice(1)));
}

/** A supervisor awards a 加分 item to an account of their subtree; each edition prices it when scoring. */
export async function awardBonus({
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
  const data = awardBonusInputSchema.parse(input);
  const account = await findBonusAccount(db, data.accountId);
  if (!account || !canAccessAgency(access, REVIEW_ROLES, account.agency)) throw notFound('account');
  const item = (await listAwardableBonusItems(db)).find((i) => i.code === data.itemCode);
  if (!item) throw new AppError('VALIDATION', 'bonusItemUnknown', { field: 'itemCode' });
  const day = data.awardedOn ?? beijingToday(now);
  if (day > beijingToday(now))
    throw new AppError('VALIDATION', 'awardedOnFuture', {
      params: { today: beijingDayStart(beijingToday(now)) },
      field: 'awardedOn',
    });
  return db.$transaction(async (tx) => {
    const award = await insertBonusAward(tx, {
      accountId: account.id,
      itemCode: item.code,
      itemName: item.name,
      reason: data.reason,
      awardedAt: beijingDayStart(day),
      awardedById: access.userId,
    });
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'bonus.award',
      entityType: 'account',
      entityId: account.id,
      after: award,
    });
    return { id: award.id, accountId: account.id };
  });
}

/** The awards of an account any reader of it may see, the items, and whether this user may award or revoke. */
export async function getAccountBonus({
  access,
  accountId,
  db = getDb(),
}: {
  access: Access;
  accountId: string;
  db?: PrismaClient;
}) {
  const account = await findBonusAccount(db, accountId);
  if (!account || !canAccessAgency(access, READ_ROLES, account.agency)) throw notFound('account');
  const [awards, items] = await Promise.all([listBonusAwards(db, account.id), listAwardableBonusItems(db)]);
  return { awards, items, canAward: canAccessAgency(access, REVIEW_ROLES, account.agency) };
}
