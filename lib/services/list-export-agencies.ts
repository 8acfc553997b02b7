import { EXPORT_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listInspectableAgencies } from '@/lib/data/inspections';

/** Agencies a report can cover: the user's export roots and the supervising units below them. */
export async function listExportAgencies({ access, db = getDb() }: { access: Access; db?: Db }) {
  return listInspectableAgencies(db, scopeRoots(access, EXPORT_ROLES));
}
