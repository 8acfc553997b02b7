import { READ_ROLES, REVIEW_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listEditionCodes, listInspectableAgencies, listInspectionsPage } from '@/lib/data/inspections';
import type { InspectionListItem } from '@/lib/schemas/inspection';
import { countAwaitingRead, isSettledAutomatically } from './figures/awaiting-read';

export const INSPECTIONS_PAGE_SIZE = 20;

export async function listInspections({
  access,
  page,
  db = getDb(),
  now = new Date(),
}: {
  access: Access;
  page: number;
  db?: Db;
  now?: Date;
}) {
  const [list, editions, agencies] = await Promise.all([
    listInspectionsPage(db, scopeRoots(access, READ_ROLES), page, INSPECTIONS_PAGE_SIZE),
    listEditionCodes(db),
    listInspectableAgencies(db, scopeRoots(access, REVIEW_ROLES)),
  ]);
  const awaiting = await countAwaitingRead(
    db,
    list.items.filter((i) => i.status === 'DONE').map((i) => i.id),
  );
  const items: InspectionListItem[] = list.items.map((i) => ({
    ...i,
    awaitingRead: awaiting.get(i.id) ?? 0,
    settlesAutomatically: isSettledAutomatically(new Date(i.monitoringAt), now),
  }));
  return { ...list, items, editions, agencies };
}
