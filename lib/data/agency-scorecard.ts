import type { Db } from '@/lib/db/types';

export type AgencyNodeDto = { id: string; name: string; level: string; isSupervisingUnit: boolean; parentId: string | null; ancestorIds: string[] };

export async function findAgencyNode(db: Db, id: string): Promise<AgencyNodeDto | null> {
  return db.agency.findUnique({
    where: { id },
    select: { id: true, name: true, level: true, isSupervisingUnit: true, parentId: true, ancestorIds: true },
  });
}

export async function listAgencyNodes(db: Db, ids: string[]): Promise<AgencyNodeDto[]> {
  if (ids.length === 0) return [];
  const rows = await db.agency.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, level: true, isSupervisingUnit: true, parentId: true, ancestorIds: true },
  });
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

export type SubtreeStatsDto = {
  agencyId: string;
  name: string;
  level: string;
  accounts: number;
  staleAccounts: number;
  latestPassRate: number | null;
  latestVetoes: number;
};

type StatsRaw = { agency_id: string; name: string; level: string; accounts: number; stale: number; scored: number; passed: number; vetoes: number };

/**
 * For each child of `parentId`: open accounts in its subtree, accounts with no item for `staleDays`,
 * and the result mix of each account's latest score.
 */
export async function listChildSubtreeStats(db: Db, parentId: string, staleBefore: Date): Promise<SubtreeStatsDto[]> {
  const rows = await db.$queryRaw<StatsRaw[]>`
    WITH children AS (SELECT id, name, level FROM agency WHERE parent_id = ${parentId}::uuid AND is_active),
    accts AS (
      SELECT c.id AS child_id, a.id AS account_id
      FROM children c JOIN agency ag ON ag.id = c.id OR c.id = ANY(ag.ancestor_ids)
      JOIN account a ON a.agency_id = ag.id AND a.lifecycle <> 'CLOSED'
    ),
    latest AS (
      SELECT DISTINCT ON (s.account_id) s.account_id, s.result FROM score s
      WHERE s.account_id IN (SELECT account_id FROM accts) ORDER BY s.account_id, s.computed_at DESC
    )
    SELECT c.id AS agency_id, c.name, c.level::text AS level,
      count(x.account_id)::int AS accounts,
      count(x.account_id) FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM post p WHERE p.account_id = x.account_id AND p.published_at >= ${staleBefore} AND NOT p.is_pinned))::int AS stale,
      count(l.account_id) FILTER (WHERE l.result <> 'INSUFFICIENT_DATA')::int AS scored,
      count(l.account_id) FILTER (WHERE l.result = 'PASS')::int AS passed,
      count(l.account_id) FILTER (WHERE l.result = 'FAIL_VETO')::int AS vetoes
    FROM children c LEFT JOIN accts x ON x.child_id = c.id LEFT JOIN latest l ON l.account_id = x.account_id
    GROUP BY c.id, c.name, c.level ORDER BY c.name`;
  return rows.map((r) => ({
    agencyId: r.agency_id,
    name: r.name,
    level: r.level,
    accounts: r.accounts,
    staleAccounts: r.stale,
    latestPassRate: r.scored > 0 ? r.passed / r.scored : null,
    latestVetoes: r.vetoes,
  }));
}

export type AgencyAccountRowDto = { id: string; displayName: string; platformCode: string; lifecycle: string; filingStatus: string; lastPostAt: string | null; latestResult: string | null; latestTotal: number | null };

export async function listAgencyAccounts(db: Db, agencyId: string): Promise<AgencyAccountRowDto[]> {
  const rows = await db.account.findMany({
    where: { agencyId },
    orderBy: [{ platformCode: 'asc' }, { displayName: 'asc' }],
    select: {
      id: true, displayName: true, platformCode: true, lifecycle: true, filingStatus: true,
      posts: { where: { isPinned: false }, orderBy: { publishedAt: 'desc' }, take: 1, select: { publishedAt: true } },
      scores: { orderBy: { computedAt: 'desc' }, take: 1, select: { result: true, total: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id, displayName: r.displayName, platformCode: r.platformCode, lifecycle: r.lifecycle, filingStatus: r.filingStatus,
    lastPostAt: r.posts[0]?.publishedAt.toISOString() ?? null,
    latestResult: r.scores[0]?.result ?? null,
    latestTotal: r.scores[0]?.total ?? null,
  }));
}
