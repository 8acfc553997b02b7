import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listFindingsPage } from '@/lib/data/findings';
import { findingFilterSchema, type FindingFilter, type FindingsPage } from '@/lib/schemas/finding';

/** Findings inside the user's read scope, filtered and paginated on the server. */
export async function listFindings({ access, filter, db = getDb() }: { access: Access; filter: FindingFilter; db?: Db }): Promise<FindingsPage> {
  return listFindingsPage(db, scopeRoots(access, READ_ROLES), findingFilterSchema.parse(filter));
}
