// The platform aggregate: reads of the platform rows (the rows themselves come from crawlers/registry.ts via db:reference).
import type { Db } from '@/lib/db/types';
import type { PlatformRow } from '@/lib/schemas/platform';

export async function listEnabledPlatformCodes(db: Db): Promise<Set<string>> {
  const rows = await db.platform.findMany({ where: { isEnabled: true }, select: { code: true } });
  return new Set(rows.map((r) => r.code));
}

export type StoredPlatformRow = {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  capabilities: unknown;
  sortOrder: number;
  isEnabled: boolean;
};

export async function listPlatformRows(db: Db): Promise<StoredPlatformRow[]> {
  return db.platform.findMany({
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: {
      code: true,
      nameZh: true,
      nameEn: true,
      kind: true,
      capabilities: true,
      sortOrder: true,
      isEnabled: true,
    },
  });
}

/** Creates a missing platform row, or rewrites a stored one's names, kind, capabilities and order; `isEnabled` stays as stored. */
export async function upsertPlatformRow(db: Db, row: PlatformRow): Promise<void> {
  const { code, ...facts } = row;
  await db.platform.upsert({ where: { code }, create: row, update: facts });
}
