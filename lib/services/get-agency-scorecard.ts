import { canAccessAgency, READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { findAgencyNode, listAgencyAccounts, listAgencyNodes, listChildSubtreeStats } from '@/lib/data/agency-scorecard';
import { notFound } from '@/lib/errors';

const STALE_DAYS = 14;

/** Scorecard of one agency: breadcrumb within the user's scope, child subtrees with stats, own accounts. */
export async function getAgencyScorecard({ access, agencyId, now, db = getDb() }: { access: Access; agencyId: string; now: Date; db?: Db }) {
  const agency = await findAgencyNode(db, agencyId);
  if (!agency || !canAccessAgency(access, READ_ROLES, agency)) throw notFound('agency');
  const roots = scopeRoots(access, READ_ROLES);
  const visibleAncestors = agency.ancestorIds.slice(agency.ancestorIds.findIndex((id) => roots.includes(id)));
  const [breadcrumb, children, accounts] = await Promise.all([
    listAgencyNodes(db, roots.includes(agency.id) ? [] : visibleAncestors),
    listChildSubtreeStats(db, agency.id, new Date(now.getTime() - STALE_DAYS * 86_400_000)),
    listAgencyAccounts(db, agency.id),
  ]);
  return { agency, breadcrumb, children, accounts };
}

/** Where a user lands when opening "agencies": the roots of their read scope. */
export async function listScopeRootAgencies({ access, db = getDb() }: { access: Access; db?: Db }) {
  return listAgencyNodes(db, scopeRoots(access, READ_ROLES));
}
