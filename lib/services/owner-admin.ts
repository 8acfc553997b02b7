import { ADMIN_ROLES, canAccessAgency, scopeRoots, type Access } from '@/lib/access';
import type { Db } from '@/lib/db/types';
import { listAgencyAncestries } from '@/lib/data/agency-ancestry';

/**
 * Settings (lexicons, lexicon terms, indicator editions) belong to an agency; null is the root (reference data).
 * True when the caller administers that agency or one of its ancestors: a root admin for reference data, the
 * county's or the city's admin for a county's local term — never a county admin for the province's.
 */
export async function isAdminOver(db: Db, access: Access, ownerAgencyId: string | null): Promise<boolean> {
  const roots = scopeRoots(access, ADMIN_ROLES);
  if (roots.length === 0) return false;
  if (ownerAgencyId === null) return (await listAgencyAncestries(db, roots)).some((a) => a.ancestorIds.length === 0);
  const [owner] = await listAgencyAncestries(db, [ownerAgencyId]);
  return owner !== undefined && canAccessAgency(access, ADMIN_ROLES, owner);
}

/** The agencies in which an admin acts as owner of what they create: their admin grants, highest first. */
export async function adminHomeAgencies(db: Db, access: Access): Promise<Array<{ id: string; ancestorIds: string[] }>> {
  const rows = await listAgencyAncestries(db, scopeRoots(access, ADMIN_ROLES));
  return rows.sort((a, b) => a.ancestorIds.length - b.ancestorIds.length || a.id.localeCompare(b.id));
}
