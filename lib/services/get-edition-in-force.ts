import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { findLatestPublishedEdition } from '@/lib/data/editions';
import { type Edition, NATIONAL_2019, safeReadEdition } from '@/lib/scoring';

/**
 * The edition in force: the most recently published one (publishing an edition puts it in force for the dashboard's
 * thresholds, the alerts and the default of new inspections); the built-in national-2019 before any is stored.
 * Each inspection still scores with the edition it names.
 */
export async function getEditionInForce({ db = getDb() }: { db?: Db } = {}): Promise<Edition> {
  const row = await findLatestPublishedEdition(db);
  if (!row) return NATIONAL_2019;
  const parsed = safeReadEdition(row.catalogue);
  return parsed.success ? { ...parsed.data, code: row.code, name: row.name } : NATIONAL_2019;
}
