import { canAccessAgency, READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { readKey, readThrough } from '@/lib/cache/read-cache';
import { findAgencyNode, listAgencyNodes } from '@/lib/data/agencies';
import {
  listActiveChildIds,
  listAgencyAccounts,
  listSubtreeStats,
  type AgencyAccountRowDto,
} from '@/lib/data/agency-scorecard';
import { listScoreRows } from '@/lib/data/score-trends';
import { getDb, getReadDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { notFound } from '@/lib/errors';
import { freshnessThresholds } from '@/lib/scoring';
import { ZOMBIE_VETO_CODE } from '@/lib/scoring/figures/zombies';
import { subtreeFigures, topDeductions, type SubtreeFigures } from './figures/ranking';
import { scoreBadge, type ScoreBadge } from './figures/score';
import type { LatestScoreItem } from './get-overview';
import { DAY_MS } from '@/lib/time';
import { getEditionInForce } from './get-edition-in-force';

/** A child subtree's row: the overview's figures for that subtree (docs/figures.md), with its lowest-scoring failing accounts. */
export type ChildAgencyRow = SubtreeFigures & { failingAccounts: LatestScoreItem[] };
/** An own account with its latest score's badge (reported score), null when never scored. */
export type AgencyAccountRow = Omit<AgencyAccountRowDto, 'latest'> & { latest: ScoreBadge | null };

/** Scorecard of one agency: breadcrumb within the user's scope, child subtrees with stats, own accounts. */
export async function getAgencyScorecard({
  access,
  agencyId,
  now,
  db = getDb(),
}: {
  access: Access;
  agencyId: string;
  now: Date;
  db?: Db;
}) {
  const agency = await findAgencyNode(db, agencyId);
  if (!agency || !canAccessAgency(access, READ_ROLES, agency)) throw notFound('agency');
  const roots = scopeRoots(access, READ_ROLES);
  const visibleAncestors = agency.ancestorIds.slice(agency.ancestorIds.findIndex((id) => roots.includes(id)));
  const { staleDays } = freshnessThresholds(await getEditionInForce({ db }));
  const staleBefore = new Date(now.getTime() - staleDays * DAY_MS);
  const childIds = (await listActiveChildIds(db, [agency.id])).map((c) => c.id);
  const [breadcrumb, stats, totals, own] = await Promise.all([
    listAgencyNodes(db, roots.includes(agency.id) ? [] : visibleAncestors),
    listSubtreeStats(db, childIds, staleBefore, ZOMBIE_VETO_CODE),
    listSubtreeStats(db, [agency.id], staleBefore, ZOMBIE_VETO_CODE, 0),
    listAgencyAccounts(db, agency.id),
  ]);
  const failing = new Map(
    (
      await listScoreRows(
        db,
        stats.flatMap((s) => s.failingScoreIds),
      )
    ).map((r) => [
      r.scoreId,
      {
        accountId: r.accountId,
        displayName: r.displayName,
        agencyName: r.agencyName,
        platformCode: r.platformCode,
        topDeductions: topDeductions(r),
        ...scoreBadge(r),
      },
    ]),
  );
  const children: ChildAgencyRow[] = stats.map(({ failingScoreIds, ...row }) => ({
    ...subtreeFigures(row),
    failingAccounts: failingScoreIds.flatMap((id) => failing.get(id) ?? []),
  }));
  const [subtree] = totals;
  const accounts: AgencyAccountRow[] = own.map(({ latest, ...row }) => ({
    ...row,
    latest: latest ? scoreBadge(latest) : null,
  }));
  // The agency's whole subtree (its own accounts and every child's): the totals row under the children.
  return { agency, breadcrumb, children, totals: subtree ? subtreeFigures(subtree) : null, accounts, staleDays };
}

/**
 * The scorecard as the agency page serves it: shared for a few seconds by every reader with the same read scope
 * (the scope decides both the access check and the breadcrumb; lib/cache/read-cache.ts). A refusal is not cached.
 */
export function getSharedAgencyScorecard({ access, agencyId }: { access: Access; agencyId: string }) {
  return readThrough(readKey('agency', scopeRoots(access, READ_ROLES), agencyId), () =>
    getAgencyScorecard({ access, agencyId, now: new Date(), db: getReadDb() }),
  );
}

/** Where a user lands when opening "agencies": the roots of their read scope. */
export async function listScopeRootAgencies({ access, db = getDb() }: { access: Access; db?: Db }) {
  return listAgencyNodes(db, scopeRoots(access, READ_ROLES));
}
