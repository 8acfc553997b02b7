import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listAlertsPage } from '@/lib/data/alerts';
import type { AlertFilter } from '@/lib/schemas/alert';

export const ALERTS_PAGE_SIZE = 25;

/** Alerts of accounts in the user's subtrees, newest first; acknowledged ones only when the filter asks. */
export async function listAlerts({ access, filter, db = getDb() }: { access: Access; filter: AlertFilter; db?: Db }) {
  return listAlertsPage(db, scopeRoots(access, READ_ROLES), filter, ALERTS_PAGE_SIZE);
}
