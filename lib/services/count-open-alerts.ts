import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { countOpenAlerts as countOpenAlertsIn } from '@/lib/data/alerts';

/** Open alerts in the user's subtrees, for the navigation badge: one COUNT, nothing else. */
export async function countOpenAlerts({ access, db = getDb() }: { access: Access; db?: Db }): Promise<number> {
  return countOpenAlertsIn(db, scopeRoots(access, READ_ROLES));
}
