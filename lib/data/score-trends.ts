import type { Db } from '@/lib/db/types';

export type QuarterResultRow = { quarter: string; result: string; count: number };

/** Result counts per quarter (Asia/Shanghai) of each account's latest score in that quarter, within the subtrees. */
export async function listQuarterResults(db: Db, roots: string[], since: Date): Promise<QuarterResultRow[]> {
  return db.$queryRaw<QuarterResultRow[]>`
    WITH scoped AS (
      SELECT s.account_id, s.result,
             to_char(i.monitoring_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-"Q"Q') AS quarter,
             row_number() OVER (PARTITION BY s.account_id, to_char(i.monitoring_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-"Q"Q')
                                ORDER BY i.monitoring_at DESC, s.computed_at DESC) AS rn
      FROM score s
      JOIN inspection i ON i.id = s.inspection_id
      JOIN account a ON a.id = s.account_id
      JOIN agency ag ON ag.id = a.agency_id
      WHERE i.monitoring_at >= ${since} AND i.status = 'DONE'
        AND (ag.id = ANY(${roots}::uuid[]) OR ag.ancestor_ids && ${roots}::uuid[])
    )
    SELECT quarter, result::text AS result, count(*)::int AS count FROM scoped WHERE rn = 1
    GROUP BY quarter, result ORDER BY quarter`;
}

export type LatestResultRow = { accountId: string; displayName: string; agencyName: string; platformCode: string; result: string; total: number; pendingVetoCodes: string[]; vetoCodes: string[] };

export type LatestResultsSummary = { counts: Record<string, number>; vetoed: LatestResultRow[]; atRisk: LatestResultRow[] };

/**
 * Each in-scope account's most recent score, aggregated in SQL: result counts for all, and only the `limit`
 * lowest-scoring FAIL_VETO and AT_RISK rows.
 */
export async function summarizeLatestResults(db: Db, roots: string[], limit: number): Promise<LatestResultsSummary> {
  const rows = await db.$queryRaw<Array<LatestResultRow & { kind: 'ROW' | 'COUNT'; count: number }>>`
    WITH latest AS (
      SELECT DISTINCT ON (s.account_id) s.account_id AS "accountId", a.display_name AS "displayName", ag.name AS "agencyName",
             a.platform_code AS "platformCode", s.result::text AS result, s.total, s.pending_veto_codes AS "pendingVetoCodes", s.veto_codes AS "vetoCodes"
      FROM score s
      JOIN inspection i ON i.id = s.inspection_id AND i.status = 'DONE'
      JOIN account a ON a.id = s.account_id AND a.lifecycle <> 'CLOSED'
      JOIN agency ag ON ag.id = a.agency_id
      WHERE ag.id = ANY(${roots}::uuid[]) OR ag.ancestor_ids && ${roots}::uuid[]
      ORDER BY s.account_id, i.monitoring_at DESC, s.computed_at DESC
    ),
    ranked AS (
      SELECT latest.*, row_number() OVER (PARTITION BY result ORDER BY total ASC, "accountId") AS rn
      FROM latest WHERE result IN ('FAIL_VETO', 'AT_RISK')
    )
    SELECT 'ROW' AS kind, 0 AS count, "accountId", "displayName", "agencyName", "platformCode", result, total, "pendingVetoCodes", "vetoCodes"
    FROM ranked WHERE rn <= ${limit}
    UNION ALL
    SELECT 'COUNT', count(*)::int, NULL, NULL, NULL, NULL, result, 0, NULL, NULL FROM latest GROUP BY result`;
  const counts: Record<string, number> = {};
  for (const r of rows) if (r.kind === 'COUNT') counts[r.result] = r.count;
  const list = (result: string) => rows.filter((r) => r.kind === 'ROW' && r.result === result).map(({ kind: _kind, count: _count, ...row }) => row);
  return { counts, vetoed: list('FAIL_VETO'), atRisk: list('AT_RISK') };
}
