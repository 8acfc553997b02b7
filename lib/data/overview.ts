import type { Db } from '@/lib/db/types';

export type AccountActivityRow = {
  accountId: string;
  displayName: string;
  platformCode: string;
  agencyName: string;
  lastPostAt: string | null;
  /** COVERED days in the stale window (of `windowDays`). */
  coveredDays: number;
};

export type OverviewCounts = {
  agencies: number;
  accounts: number;
  posts60: number;
  comments60: number;
  accountsByPlatform: Array<{ platformCode: string; count: number }>;
};

/** Prisma filter for agencies inside any of the given subtrees. */
export const agencyInSubtrees = (roots: string[]) => ({
  OR: [{ id: { in: roots } }, { ancestorIds: { hasSome: roots } }],
});

export async function countOverview(db: Db, roots: string[], since60: Date): Promise<OverviewCounts> {
  const inScope = { agency: agencyInSubtrees(roots) };
  const openInScope = { lifecycle: { not: 'CLOSED' as const }, ...inScope };
  const [agencies, accounts, posts60, comments60, byPlatform] = await Promise.all([
    db.agency.count({ where: { isActive: true, ...agencyInSubtrees(roots) } }),
    db.account.count({ where: openInScope }),
    db.post.count({ where: { publishedAt: { gte: since60 }, account: inScope } }),
    db.comment.count({ where: { publishedAt: { gte: since60 }, account: inScope } }),
    db.account.groupBy({ by: ['platformCode'], where: openInScope, _count: { _all: true } }),
  ]);
  return {
    agencies,
    accounts,
    posts60,
    comments60,
    accountsByPlatform: byPlatform
      .map((r) => ({ platformCode: r.platformCode, count: r._count._all }))
      .sort((a, b) => b.count - a.count),
  };
}

type ActivityRaw = {
  band: 'STALE' | 'NEARING' | 'TOTAL';
  account_id: string | null;
  display_name: string | null;
  platform_code: string | null;
  agency_name: string | null;
  last_post_at: Date | null;
  covered_days: number;
  band_count: number;
};

export type ActivitySummary = {
  /** Open, post-publishing accounts in scope. */
  accounts: number;
  /** Sum over those accounts of covered days in the stale window (each capped at `windowDays`). */
  coveredDays: number;
  staleCount: number;
  nearingCount: number;
  /** The `limit` longest-silent accounts of each band, longest silence first. */
  stale: AccountActivityRow[];
  nearing: AccountActivityRow[];
};

/**
 * Activity of open, post-publishing accounts in scope, aggregated in SQL: counts for every account and only the
 * `limit` longest-silent rows per band leave the database (a province tree holds tens of thousands of accounts).
 * STALE: no post, or the last one at or before `staleBefore`; NEARING: last post in (staleBefore, nearingBefore].
 * The last post comes from `account.last_post_at`, which ingest keeps equal to the newest live, unpinned post.
 */
export async function summarizeAccountActivity(
  db: Db,
  roots: string[],
  w: { coverageFromDay: string; staleBefore: Date; nearingBefore: Date; windowDays: number; limit: number },
): Promise<ActivitySummary> {
  // Covered days are counted in one grouped pass over the window's coverage rows of the scope (a hash join), not
  // per account: 50 000 index probes into every monthly partition took ~1.4 s at province scale, this ~0.35 s.
  const rows = await db.$queryRaw<ActivityRaw[]>`
    WITH act AS (
      SELECT a.id AS account_id, a.display_name, a.platform_code, ag.name AS agency_name, a.last_post_at
      FROM account a
      JOIN agency ag ON ag.id = a.agency_id
      JOIN platform pl ON pl.code = a.platform_code
      WHERE a.lifecycle <> 'CLOSED' AND pl.kind <> 'APP_STORE'
        AND (ag.id = ANY(${roots}::uuid[]) OR ag.ancestor_ids && ${roots}::uuid[])
    ),
    covered AS (
      SELECT c.account_id, least(count(*), ${w.windowDays}::int)::int AS days
      FROM crawl_coverage c JOIN act ON act.account_id = c.account_id
      WHERE c.status = 'COVERED' AND c.day >= ${w.coverageFromDay}::date
      GROUP BY c.account_id
    ),
    banded AS (
      SELECT act.*, CASE WHEN last_post_at IS NULL OR last_post_at <= ${w.staleBefore} THEN 'STALE'
                         WHEN last_post_at <= ${w.nearingBefore} THEN 'NEARING' END AS band
      FROM act
    ),
    ranked AS (
      SELECT banded.*, count(*) OVER (PARTITION BY band)::int AS band_count,
             row_number() OVER (PARTITION BY band ORDER BY last_post_at ASC NULLS FIRST, account_id) AS rn
      FROM banded WHERE band IS NOT NULL
    )
    SELECT r.band, r.account_id, r.display_name, r.platform_code, r.agency_name, r.last_post_at,
           coalesce(cv.days, 0) AS covered_days, r.band_count
    FROM ranked r LEFT JOIN covered cv ON cv.account_id = r.account_id WHERE r.rn <= ${w.limit}
    UNION ALL
    SELECT 'TOTAL', NULL, NULL, NULL, NULL, NULL, (SELECT coalesce(sum(days), 0)::int FROM covered), count(*)::int FROM act`;
  const total = rows.find((r) => r.band === 'TOTAL');
  const band = (b: 'STALE' | 'NEARING') => rows.filter((r) => r.band === b);
  const toRow = (r: ActivityRaw): AccountActivityRow => ({
    accountId: r.account_id ?? '',
    displayName: r.display_name ?? '',
    platformCode: r.platform_code ?? '',
    agencyName: r.agency_name ?? '',
    lastPostAt: r.last_post_at?.toISOString() ?? null,
    coveredDays: r.covered_days,
  });
  return {
    accounts: total?.band_count ?? 0,
    coveredDays: total?.covered_days ?? 0,
    staleCount: band('STALE')[0]?.band_count ?? 0,
    nearingCount: band('NEARING')[0]?.band_count ?? 0,
    stale: band('STALE').map(toRow),
    nearing: band('NEARING').map(toRow),
  };
}

export async function listAgencyNames(db: Db, ids: string[]): Promise<string[]> {
  const rows = await db.agency.findMany({
    where: { id: { in: ids } },
    orderBy: { name: 'asc' },
    select: { name: true },
  });
  return rows.map((r) => r.name);
}
