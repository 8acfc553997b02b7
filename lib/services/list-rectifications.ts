import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listRectificationsPage, type RectificationFilter } from '@/lib/data/rectifications';
import { shanghaiDay } from '@/lib/time';

export const RECTIFICATIONS_PAGE_SIZE = 25;

export async function listRectifications({
  access,
  filter,
  now,
  db = getDb(),
}: {
  access: Access;
  filter: RectificationFilter;
  now: Date;
  db?: Db;
}) {
  return listRectificationsPage(db, scopeRoots(access, READ_ROLES), filter, shanghaiDay(now), RECTIFICATIONS_PAGE_SIZE);
}
