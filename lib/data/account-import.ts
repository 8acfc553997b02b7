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
};

export async function mapAgencyIdsByCode(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.agency.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  return new Map(rows.flatMap((r) => (r.code ? [[r.code, r.id] as const] : [])));
}

export async function listEnabledPlatformCodes(db: Db): Promise<Set<string>> {
  const rows = await db.platform.findMany({ where: { isEnabled: true }, select: { code: true } });
  return new Set(rows.map((r) => r.code));
}

/** Keys `PLATFORM:handle` of the given pairs that are already registered. */
export async function listRegisteredHandles(db: Db, pairs: Array<{ platformCode: string; handle: string }>): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db.account.findMany({
    where: { OR: pairs.map((p) => ({ platformCode: p.platformCode, handle: p.handle })) },
    select: { platformCode: true, handle: true },
  });
  return new Set(rows.map((r) => `${r.platformCode}:${r.handle}`));
}

export async function createImportedAccounts(db: Db, rows: ImportedAccount[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.account.createMany({ data: rows });
  return result.count;
}
