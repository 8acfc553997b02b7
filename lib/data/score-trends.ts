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

/** Each in-scope account's most recent score. */
export async function listLatestResults(db: Db, roots: string[]): Promise<LatestResultRow[]> {
  return db.$queryRaw<LatestResultRow[]>`
    SELECT DISTINCT ON (s.account_id) s.account_id AS "accountId", a.display_name AS "displayName", ag.name AS "agencyName",
           a.platform_code AS "platformCode", s.result::text AS result, s.total, s.pending_veto_codes AS "pendingVetoCodes", s.veto_codes AS "vetoCodes"
    FROM score s
    JOIN inspection i ON i.id = s.inspection_id AND i.status = 'DONE'
    JOIN account a ON a.id = s.account_id AND a.lifecycle <> 'CLOSED'
    JOIN agency ag ON ag.id = a.agency_id
    WHERE ag.id = ANY(${roots}::uuid[]) OR ag.ancestor_ids && ${roots}::uuid[]
    ORDER BY s.account_id, i.monitoring_at DESC, s.computed_at DESC`;
}
