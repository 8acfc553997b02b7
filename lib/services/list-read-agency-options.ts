import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { readKey, readThrough } from '@/lib/cache/read-cache';
import { listAgencyOptions } from '@/lib/data/agency-tree';
import { getDb, getReadDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';

/** The agencies a reader may filter by (their read scope), with parents for the tree picker. */
export async function listReadAgencyOptions({ access, db = getDb() }: { access: Access; db?: Db }) {
  return listAgencyOptions(db, scopeRoots(access, READ_ROLES));
}

/** The same, shared for a few seconds by every reader of one scope (lib/cache/read-cache.ts). */
export function listSharedReadAgencyOptions({ access }: { access: Access }) {
  const roots = scopeRoots(access, READ_ROLES);
  return readThrough(readKey('agency-options', roots), () => listAgencyOptions(getReadDb(), roots));
}
