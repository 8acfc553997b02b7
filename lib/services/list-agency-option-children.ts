import { canAccessAgency, READ_ROLES, type Access } from '@/lib/access';
import { findAgencyNode } from '@/lib/data/agencies';
import { listAgencyOptionChildren as listChildren } from '@/lib/data/agency-tree';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { notFound } from '@/lib/errors';
import type { AgencyOptionsResponse } from '@/lib/schemas/agency-option';

/** Children sent at most per request (a province's cities, a county's townships are far fewer). */
export const AGENCY_CHILDREN_LIMIT = 500;

/** The active children of an agency of the reader's scope, for the lazy picker; outside the scope it is not found. */
export async function listAgencyOptionChildren({
  access,
  parentId,
  db = getDb(),
}: {
  access: Access;
  parentId: string;
  db?: Db;
}): Promise<AgencyOptionsResponse> {
  const parent = await findAgencyNode(db, parentId);
  if (!parent || !canAccessAgency(access, READ_ROLES, parent)) throw notFound('agency');
  return listChildren(db, parent.id, AGENCY_CHILDREN_LIMIT);
}
