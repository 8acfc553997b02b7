import type { Db } from '@/lib/db/types';
import { listPlatformRows, upsertPlatformRow } from '@/lib/data/platforms';
import { platformRowSchema } from '@/lib/schemas/platform';

export type EnsurePlatformsSummary = { created: string[]; updated: string[] };

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes the platform rows the crawler registry declares (crawlers/registry.ts PLATFORM_ROWS): a missing platform
 * is created, a stored one takes the registry's names, kind, capabilities and order. Whether a platform is enabled
 * stays an administrator's decision, and a stored platform the registry no longer lists is left alone.
 */
export async function ensurePlatforms({
  db,
  platforms,
}: {
  db: Db;
  platforms: readonly unknown[];
}): Promise<EnsurePlatformsSummary> {
  const rows = platforms.map((p) => platformRowSchema.parse(p));
  const stored = new Map((await listPlatformRows(db)).map((r) => [r.code, r]));
  const summary: EnsurePlatformsSummary = { created: [], updated: [] };
  for (const row of rows) {
    const before = stored.get(row.code);
    const same =
      before &&
      before.nameZh === row.nameZh &&
      before.nameEn === row.nameEn &&
      before.kind === row.kind &&
      before.sortOrder === row.sortOrder &&
      sameJson(sortKeys(before.capabilities), sortKeys(row.capabilities));
    if (same) continue;
    await upsertPlatformRow(db, row);
    (before ? summary.updated : summary.created).push(row.code);
  }
  return summary;
}

function sortKeys(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
