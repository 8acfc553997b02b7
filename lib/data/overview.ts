import type { Db } from '@/lib/db/types';

export type AccountActivityRow = {
  accountId: string;
  displayName: string;
  platformCode: string;
  agencyName: string;
  lastPostAt: string | null;
  coveredDays14: number;
};

export type OverviewCounts = {
  agencies: number;
  accounts: number;
  posts60: number;
  comments60: number;
  accountsByPlatform: Array<{ platformCode: string; count: number }>;
};

/** Prisma filter for agencies inside any of the given subtrees. */
export const agencyInSubtrees = (roots: string[]) => ({ OR: [{ id: { in: roots } }, { ancestorIds: { hasSome: roots } }] });

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
  account_id: string;
  display_name: string;
  platform_code: string;
  agency_name: string;
  last_post_at: Date | null;
  covered_days: number;
};

/** Last original-or-repost item per open, post-publishing account, with days crawled since `coverageFromDay`. */
export async function listAccountActivity(db: Db, roots: string[], coverageFromDay: string): Promise<AccountActivityRow[]> {
  const rows = await db.$queryRaw<ActivityRaw[]>`
    SELECT a.id AS account_id, a.display_name, a.platform_code, ag.name AS agency_name,
           (SELECT max(p.published_at) FROM post p
             WHERE p.account_id = a.id AND p.is_pinned = false AND p.deleted_detected_at IS NULL) AS last_post_at,
           (SELECT count(*)::int FROM crawl_coverage c
             WHERE c.account_id = a.id AND c.status = 'COVERED' AND c.day >= ${coverageFromDay}::date) AS covered_days
    FROM account a
    JOIN agency ag ON ag.id = a.agency_id
    JOIN platform pl ON pl.code = a.platform_code
    WHERE a.lifecycle <> 'CLOSED' AND pl.kind <> 'APP_STORE'
      AND (ag.id = ANY(${roots}::uuid[]) OR ag.ancestor_ids && ${roots}::uuid[])`;
  return rows.map((r) => ({
    accountId: r.account_id,
    displayName: r.display_name,
    platformCode: r.platform_code,
    agencyName: r.agency_name,
    lastPostAt: r.last_post_at?.toISOString() ?? null,
    coveredDays14: r.covered_days,
  }));
}

export async function listAgencyNames(db: Db, ids: string[]): Promise<string[]> {
  const rows = await db.agency.findMany({ where: { id: { in: ids } }, orderBy: { name: 'asc' }, select: { name: true } });
  return rows.map((r) => r.name);
}
