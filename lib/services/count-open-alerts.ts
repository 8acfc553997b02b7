import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { readKey, readThrough } from '@/lib/cache/read-cache';
import { getDb, getReadDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { countOpenAlerts as countOpenAlertsIn } from '@/lib/data/alerts';

/** Open alerts in the user's subtrees, for the navigation badge: one COUNT, nothing else. */
export async function countOpenAlerts({ access, db = getDb() }: { access: Access; db?: Db }): Promise<number> {
  return countOpenAlertsIn(db, scopeRoots(access, READ_ROLES));
}

/** The badge as every page's layout shows it: shared for a few seconds by the readers of one scope (lib/cache/read-cache.ts). */
export function countSharedOpenAlerts({ access }: { access: Access }): Promise<number> {
  const roots = scopeRoots(access, READ_ROLES);
  return readThrough(readKey('open-alerts', roots), () => countOpenAlertsIn(getReadDb(), roots));
}
