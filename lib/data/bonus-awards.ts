import type { Db } from '@/lib/db/types';

export type BonusAwardDto = {
  id: string;
  itemCode: string;
  itemName: string;
  reason: string;
  awardedAt: Date;
  awardedById: string | null;
  revokedAt: Date | null;
  revokedById: string | null;
};

const awardSelect = {
  id: true,
  itemCode: true,
  itemName: true,
  reason: true,
  awardedAt: true,
  awardedById: true,
  revokedAt: true,
  revokedById: true,
} as const;

export async function findBonusAccount(db: Db, accountId: string) {
  return db.account.findUnique({
    where: { id: accountId },
    select: { id: true, agency: { select: { id: true, ancestorIds: true } } },
  });
}

/** Catalogues of published editions, oldest first: the items an award may name. */
export async function listPublishedCatalogues(db: Db): Promise<unknown[]> {
  const rows = await db.indicatorEdition.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ publishedAt: 'asc' }, { code: 'asc' }],
    select: { catalogue: true },
  });
  return rows.map((r) => r.catalogue);
}

export async function insertBonusAward(
  db: Db,
  data: {
    accountId: string;
    itemCode: string;
    itemName: string;
    reason: string;
    awardedAt: Date;
    awardedById: string | null;
  },
) {
  return db.bonusAward.create({ data, select: awardSelect });
}

export async function findBonusAward(db: Db, id: string) {
  return db.bonusAward.findUnique({
    where: { id },
    select: { ...awardSelect, account: { select: { id: true, agency: { select: { id: true, ancestorIds: true } } } } },
  });
}

/** False when the award was revoked already (two supervisors revoking at once: one wins). */
export async function markBonusAwardRevoked(db: Db, id: string, by: string, at: Date): Promise<boolean> {
  const { count } = await db.bonusAward.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: at, revokedById: by },
  });
  return count === 1;
}

export async function listBonusAwards(db: Db, accountId: string): Promise<BonusAwardDto[]> {
  return db.bonusAward.findMany({
    where: { accountId },
    orderBy: [{ awardedAt: 'desc' }, { id: 'desc' }],
    select: awardSelect,
  });
}

/** Awards in force: a revoked award was a mistake, so it counts for no monitoring date. */
export async function loadBonusAwardsForScoring(db: Db, accountIds: string[], asOf: Date) {
  return db.bonusAward.findMany({
    where: { accountId: { in: accountIds }, awardedAt: { lte: asOf }, revokedAt: null },
    orderBy: [{ accountId: 'asc' }, { awardedAt: 'asc' }, { id: 'asc' }],
    select: { accountId: true, itemCode: true, awardedAt: true },
  });
}
