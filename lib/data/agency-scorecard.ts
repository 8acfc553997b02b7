import { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';
import { latestScoresSql } from './score-trends';

export type SubtreeStatsDto = {
  agencyId: string;
  name: string;
  level: string;
  accounts: number;
  staleAccounts: number;
  /** Latest scores (latestScoresSql) of the subtree's open accounts per result code. */
  resultCounts: Record<string, number>;
  /** Of those, latest scores carrying the zombie veto code. */
  zombies: number;
  /** Findings of those latest scores that stand (not dismissed), per indicator code. */
  findingCounts: Record<string, number>;
  /** The lowest-scoring latest scores that are not a pass (FAIL_SCORE, FAIL_VETO, AT_RISK), at most `failingLimit`. */
  failingScoreIds: string[];
};

type StatsRaw = {
  agency_id: string;
  name: string;
  level: string;
  accounts: number;
  stale: number;
  zombies: number;
  results: Record<string, number> | null;
  findings: Record<string, number> | null;
  failing: string[] | null;
};

/**
 * For each subtree rooted at one of `rootIds` (active agencies): open accounts in it, publishing accounts (apps never
 * post) whose last item (`account.last_post_at`, as the overview reads it) is at or before `staleBefore` or missing,
 * the results and zombies among each account's latest score (the overview's definition, latestScoresSql), the
 * standing findings of those scores per indicator, and the lowest-scoring failing ones.
 */
export async function listSubtreeStats(
  db: Db,
  rootIds: string[],
  staleBefore: Date,
  zombieVetoCode: string,
  failingLimit = 3,
): Promise<SubtreeStatsDto[]> {
  if (rootIds.length === 0) return [];
  const rows = await db.$queryRaw<StatsRaw[]>`
    WITH children AS (SELECT id, name, level FROM agency WHERE id = ANY(${rootIds}::uuid[]) AND is_active),
    accts AS (
      SELECT c.id AS child_id, a.id AS account_id, a.last_post_at, pl.kind <> 'APP_STORE' AS publishes
      FROM children c JOIN agency ag ON ag.id = c.id OR c.id = ANY(ag.ancestor_ids)
      JOIN account a ON a.agency_id = ag.id AND a.lifecycle <> 'CLOSED'
      JOIN platform pl ON pl.code = a.platform_code
    ),
    latest AS (${latestScoresSql(Prisma.sql`SELECT account_id FROM accts`)}),
    per_result AS (
      SELECT x.child_id, l.result, count(*)::int AS n FROM accts x JOIN latest l ON l.account_id = x.account_id GROUP BY x.child_id, l.result
    ),
    per_indicator AS (
      SELECT x.child_id, f.indicator_code, count(*)::int AS n
      FROM accts x JOIN latest l ON l.account_id = x.account_id
      JOIN finding f ON f.account_id = l.account_id AND f.inspection_id = l.inspection_id AND f.status <> 'DISMISSED'
      GROUP BY x.child_id, f.indicator_code
    ),
    failing AS (
      SELECT x.child_id, l.score_id, row_number() OVER (PARTITION BY x.child_id ORDER BY l.total, l.account_id) AS rn
      FROM accts x JOIN latest l ON l.account_id = x.account_id WHERE l.result IN ('FAIL_SCORE', 'FAIL_VETO', 'AT_RISK')
    )
    SELECT c.id AS agency_id, c.name, c.level::text AS level,
      count(x.account_id)::int AS accounts,
      count(x.account_id) FILTER (WHERE x.publishes AND (x.last_post_at IS NULL OR x.last_post_at <= ${staleBefore}))::int AS stale,
      count(l.account_id) FILTER (WHERE ${zombieVetoCode} = ANY(l.veto_codes))::int AS zombies,
      (SELECT jsonb_object_agg(p.result, p.n) FROM per_result p WHERE p.child_id = c.id) AS results,
      (SELECT jsonb_object_agg(p.indicator_code, p.n) FROM per_indicator p WHERE p.child_id = c.id) AS findings,
      (SELECT array_agg(fl.score_id::text ORDER BY fl.rn) FROM failing fl WHERE fl.child_id = c.id AND fl.rn <= ${failingLimit}) AS failing
    FROM children c LEFT JOIN accts x ON x.child_id = c.id LEFT JOIN latest l ON l.account_id = x.account_id
    GROUP BY c.id, c.name, c.level ORDER BY c.name`;
  return rows.map((r) => ({
    agencyId: r.agency_id,
    name: r.name,
    level: r.level,
    accounts: r.accounts,
    staleAccounts: r.stale,
    resultCounts: r.results ?? {},
    zombies: r.zombies,
    findingCounts: r.findings ?? {},
    failingScoreIds: r.failing ?? [],
  }));
}

/** The active children of `parentId` (the subtrees an agency page and the overview rank). */
export async function listActiveChildIds(
  db: Db,
  parentIds: string[],
): Promise<Array<{ id: string; parentId: string | null }>> {
  if (parentIds.length === 0) return [];
  return db.agency.findMany({
    where: { parentId: { in: parentIds }, isActive: true },
    select: { id: true, parentId: true },
  });
}

/** An agency's own account: its last item as the overview reads it (`account.last_post_at`) and its latest score (latestScoresSql). */
export type AgencyAccountRowDto = {
  id: string;
  displayName: string;
  platformCode: string;
  lifecycle: string;
  filingStatus: string;
  lastPostAt: string | null;
  /** Standing (not dismissed) findings of the latest score. */
  findings: number;
  latest: {
    result: string;
    total: number;
    bonus: number;
    breakdown: unknown;
    vetoCodes: string[];
    pendingVetoCodes: string[];
    coverage: unknown;
    vetoScore: number | null;
  } | null;
};

type AgencyAccountRaw = {
  id: string;
  displayName: string;
  platformCode: string;
  lifecycle: string;
  filingStatus: string;
  lastPostAt: Date | null;
  findings: number;
  result: string | null;
  total: number | null;
  bonus: number | null;
  breakdown: unknown;
  vetoCodes: string[] | null;
  pendingVetoCodes: string[] | null;
  coverage: unknown;
  vetoScore: number | null;
};

export async function listAgencyAccounts(db: Db, agencyId: string): Promise<AgencyAccountRowDto[]> {
  const rows = await db.$queryRaw<AgencyAccountRaw[]>`
    WITH own AS (SELECT id FROM account WHERE agency_id = ${agencyId}::uuid),
    latest AS (${latestScoresSql(Prisma.sql`SELECT id FROM own`)})
    SELECT a.id, a.display_name AS "displayName", a.platform_code AS "platformCode", a.lifecycle::text AS lifecycle, a.filing_status::text AS "filingStatus",
           a.last_post_at AS "lastPostAt",
           s.result::text AS result, s.total, s.bonus, s.breakdown, s.veto_codes AS "vetoCodes", s.pending_veto_codes AS "pendingVetoCodes", s.coverage,
           (e.catalogue->>'vetoScore')::float8 AS "vetoScore",
           (SELECT count(*)::int FROM finding f WHERE f.account_id = s.account_id AND f.inspection_id = s.inspection_id AND f.status <> 'DISMISSED') AS findings
    FROM account a
    LEFT JOIN latest l ON l.account_id = a.id
    LEFT JOIN score s ON s.id = l.score_id
    LEFT JOIN indicator_edition e ON e.id = s.edition_id
    WHERE a.agency_id = ${agencyId}::uuid
    ORDER BY a.platform_code, a.display_name`;
  return rows.map((r) => ({
    id: r.id,
    displayName: r.displayName,
    platformCode: r.platformCode,
    lifecycle: r.lifecycle,
    filingStatus: r.filingStatus,
    lastPostAt: r.lastPostAt?.toISOString() ?? null,
    findings: r.findings ?? 0,
    latest:
      r.result === null
        ? null
        : {
            result: r.result,
            total: r.total ?? 0,
            bonus: r.bonus ?? 0,
            breakdown: r.breakdown,
            vetoCodes: r.vetoCodes ?? [],
            pendingVetoCodes: r.pendingVetoCodes ?? [],
            coverage: r.coverage,
            vetoScore: r.vetoScore,
          },
  }));
}
