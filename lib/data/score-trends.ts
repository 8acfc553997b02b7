import { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';

/**
 * Each account's latest score (docs/figures.md): the one of the finished inspection with the latest monitoring date,
 * the newest computation of it when re-scored. Overview, agency pages and the account page all read this one;
 * `accountIds` is a subquery selecting the accounts. Read from the `latest_score` read model, which triggers keep
 * equal to that definition over `score` (migration latest_score_read_model; the integration test
 * latest-score-read-model compares the two after every kind of write).
 */
export const latestScoresSql = (accountIds: Prisma.Sql) => Prisma.sql`
  SELECT l.score_id, l.account_id, l.inspection_id, l.result::text AS result, l.total, l.veto_codes
  FROM latest_score l
  WHERE l.account_id IN (${accountIds})`;

/** Open accounts of agencies inside any of the subtrees (closed accounts are no longer supervised). */
const openAccountsInSubtrees = (roots: string[]) => Prisma.sql`
  SELECT a.id FROM account a JOIN agency ag ON ag.id = a.agency_id
  WHERE a.lifecycle <> 'CLOSED' AND (ag.id = ANY(${roots}::uuid[]) OR ag.ancestor_ids && ${roots}::uuid[])`;

export type QuarterResultRow = { quarter: string; result: string; count: number };

/**
 * Result counts per quarter (Asia/Shanghai) of each account's latest score in that quarter, within the subtrees.
 * Read from the `quarter_score` read model (kept by the same triggers as `latest_score`).
 */
export async function listQuarterResults(db: Db, roots: string[], since: Date): Promise<QuarterResultRow[]> {
  return db.$queryRaw<QuarterResultRow[]>`
    SELECT q.quarter, q.result::text AS result, count(*)::int AS count
    FROM quarter_score q
    JOIN account a ON a.id = q.account_id
    JOIN agency ag ON ag.id = a.agency_id
    WHERE q.monitoring_at >= ${since}
      AND (ag.id = ANY(${roots}::uuid[]) OR ag.ancestor_ids && ${roots}::uuid[])
    GROUP BY q.quarter, q.result ORDER BY q.quarter`;
}

/** One listed latest score, with what the figures reader needs (lib/services/figures/score.ts). */
export type LatestScoreRowDto = {
  accountId: string;
  displayName: string;
  agencyName: string;
  platformCode: string;
  result: string;
  total: number;
  bonus: number;
  breakdown: unknown;
  vetoCodes: string[];
  pendingVetoCodes: string[];
  coverage: unknown;
  vetoScore: number | null;
};

export type LatestResultsSummary = {
  /** Latest scores per result code. */
  counts: Record<string, number>;
  /** Latest scores carrying `zombieVetoCode` among their confirmed vetoes. */
  zombies: number;
  vetoed: LatestScoreRowDto[];
  atRisk: LatestScoreRowDto[];
  failedScore: LatestScoreRowDto[];
};

/**
 * The latest score of each open account in scope, aggregated in SQL: counts per result and of zombies for all, and
 * only the `limit` lowest-scoring FAIL_VETO, AT_RISK and FAIL_SCORE rows.
 */
export async function summarizeLatestResults(
  db: Db,
  roots: string[],
  limit: number,
  zombieVetoCode: string,
): Promise<LatestResultsSummary> {
  const rows = await db.$queryRaw<
    Array<{ kind: 'ROW' | 'COUNT' | 'ZOMBIES'; count: number; scoreId: string | null; result: string }>
  >`
    WITH latest AS (${latestScoresSql(openAccountsInSubtrees(roots))}),
    ranked AS (
      SELECT latest.*, row_number() OVER (PARTITION BY result ORDER BY total ASC, account_id) AS rn
      FROM latest WHERE result IN ('FAIL_VETO', 'AT_RISK', 'FAIL_SCORE')
    )
    SELECT 'ROW' AS kind, rn::int AS count, score_id AS "scoreId", result FROM ranked WHERE rn <= ${limit}
    UNION ALL
    SELECT 'COUNT', count(*)::int, NULL, result FROM latest GROUP BY result
    UNION ALL
    SELECT 'ZOMBIES', count(*)::int, NULL, '' FROM latest WHERE ${zombieVetoCode} = ANY(veto_codes)`;
  const counts: Record<string, number> = {};
  for (const r of rows) if (r.kind === 'COUNT') counts[r.result] = r.count;
  // ROW rows carry their rank (lowest total first) in `count`.
  const ranked = rows.filter((r) => r.kind === 'ROW').sort((a, b) => a.count - b.count);
  const listed = await listScoreRows(
    db,
    ranked.flatMap((r) => (r.scoreId ? [r.scoreId] : [])),
  );
  const list = (result: string) => listed.filter((r) => r.result === result);
  return {
    counts,
    zombies: rows.find((r) => r.kind === 'ZOMBIES')?.count ?? 0,
    vetoed: list('FAIL_VETO'),
    atRisk: list('AT_RISK'),
    failedScore: list('FAIL_SCORE'),
  };
}

/** Scores by id with their account, in the order given. */
export async function listScoreRows(
  db: Db,
  scoreIds: string[],
): Promise<Array<LatestScoreRowDto & { scoreId: string }>> {
  if (scoreIds.length === 0) return [];
  const rows = await db.$queryRaw<Array<LatestScoreRowDto & { scoreId: string }>>`
    SELECT s.id AS "scoreId", s.account_id AS "accountId", a.display_name AS "displayName", ag.name AS "agencyName", a.platform_code AS "platformCode",
           s.result::text AS result, s.total, s.bonus, s.breakdown, s.veto_codes AS "vetoCodes", s.pending_veto_codes AS "pendingVetoCodes", s.coverage,
           (e.catalogue->>'vetoScore')::float8 AS "vetoScore"
    FROM score s JOIN account a ON a.id = s.account_id JOIN agency ag ON ag.id = a.agency_id JOIN indicator_edition e ON e.id = s.edition_id
    WHERE s.id = ANY(${scoreIds}::uuid[])`;
  const byId = new Map(rows.map((r) => [r.scoreId, r]));
  return scoreIds.flatMap((id) => byId.get(id) ?? []);
}
