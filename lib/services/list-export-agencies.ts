import { EXPORT_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listInspectableAgencies } from '@/lib/data/inspections';
import { measureExportScopes } from './measure-export-scopes';

/**
 * Agencies a report can cover: the user's export roots and the supervising units below them, each with the registered
 * accounts of its subtree (the form runs scopes above the direct limit as background jobs).
 */
export async function listExportAgencies({ access, db = getDb() }: { access: Access; db?: Db }) {
  const agencies = await listInspectableAgencies(db, scopeRoots(access, EXPORT_ROLES));
  const sizes = await measureExportScopes({ agencyIds: agencies.map((a) => a.id), db });
  return agencies.map((a) => ({ ...a, accounts: sizes.get(a.id) ?? 0 }));
}
