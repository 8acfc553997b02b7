import type { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';

export type ImportedAccount = {
  agencyId: string;
  platformCode: string;
  handle: string;
  displayName: string;
  url: string | null;
  filingNumber: string | null;
  filingStatus: 'UNFILED' | 'PENDING' | 'FILED' | 'REVOKED';
  openedAt: Date | null;
  /** Built from the import's crawl columns (lib/schemas/account-crawl-columns.ts): plain JSON. */
  crawlConfig: Record<string, unknown>;
};

/** Keys `PLATFORM:handle` of the given pairs that are already registered. */
export async function listRegisteredHandles(
  db: Db,
  pairs: Array<{ platformCode: string; handle: string }>,
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db.account.findMany({
    where: { OR: pairs.map((p) => ({ platformCode: p.platformCode, handle: p.handle })) },
    select: { platformCode: true, handle: true },
  });
  return new Set(rows.map((r) => `${r.platformCode}:${r.handle}`));
}

export async function createImportedAccounts(db: Db, rows: ImportedAccount[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.account.createMany({
    data: rows.map((r) => ({ ...r, crawlConfig: r.crawlConfig as Prisma.InputJsonValue })),
  });
  return result.count;
}
