import type { Db } from '@/lib/db/types';
import type { Prisma } from '@/lib/db/generated/client';

export type NewAccount = {
  agencyId: string;
  platformCode: string;
  handle: string;
  displayName: string;
  filingNumber: string | null;
  filingStatus: 'UNFILED' | 'PENDING' | 'FILED' | 'REVOKED';
  crawlConfig: Prisma.InputJsonValue;
  openedAt: Date | null;
};

export async function createAccounts(db: Db, rows: NewAccount[]): Promise<number> {
  const result = await db.account.createMany({ data: rows });
  return result.count;
}

export async function mapAccountIdsByHandle(db: Db, platformHandles: Array<{ platformCode: string; handle: string }>): Promise<Map<string, string>> {
  const rows = await db.account.findMany({
    where: { OR: platformHandles.map((p) => ({ platformCode: p.platformCode, handle: p.handle })) },
    select: { id: true, platformCode: true, handle: true },
  });
  return new Map(rows.map((r) => [`${r.platformCode}:${r.handle}`, r.id]));
}
