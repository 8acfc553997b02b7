import { READ_ROLES, REVIEW_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listEditionCodes, listInspectableAgencies, listInspectionsPage } from '@/lib/data/inspections';

export const INSPECTIONS_PAGE_SIZE = 20;

export async function listInspections({ access, page, db = getDb() }: { access: Access; page: number; db?: Db }) {
  const [list, editions, agencies] = await Promise.all([
    listInspectionsPage(db, scopeRoots(access, READ_ROLES), page, INSPECTIONS_PAGE_SIZE),
    listEditionCodes(db),
    listInspectableAgencies(db, scopeRoots(access, REVIEW_ROLES)),
  ]);
  return { ...list, editions, agencies };
}
