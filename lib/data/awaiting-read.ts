import { Prisma } from '@/lib/db/generated/client';
import type { Db } from '@/lib/db/types';

// Scores still waiting on a read (docs/scoring.md "Read up to when", "Settling"): V2 or D1 undecided because the last
// read ended before the inspection's monitoringAt (reason NOT_READ_THROUGH), or a suspected V2 (the read saw a full
// window of silence, but not up to monitoringAt). One predicate, used by the settle job and by the figure.

/**
 * The score `s` waits on a read (SQL fragment over `score s`): the database function xunjian_score_awaits_read
 * (migration inspection_tally), which the per-inspection tally counts with too.
 */
const AWAITING_READ = Prisma.sql`xunjian_score_awaits_read(s.pending_veto_codes, s.breakdown)`;

export type AwaitingReadScore = {
  inspectionId: string;
  accountId: string;
  monitoringAt: Date;
  /** Where the read ended when the score was computed (the latest stored in its reasons), null when unknown. */
  scoredReadThrough: Date | null;
};

/**
 * Scores waiting on a read, of finished inspections whose monitoring date is in [since, until], whose account has
 * since been read at or after that date (`readThrough`, as loadReadThroughForScoring reads it: the coverage end of
 * the run that last covered the latest COVERED day). Oldest monitoring date first, at most `limit`.
 */
export async function listSettleableScores(
  db: Db,
  { since, until, limit }: { since: Date; until: Date; limit: number },
): Promise<Array<AwaitingReadScore & { readThrough: Date | null }>> {
  return db.$queryRaw<Array<AwaitingReadScore & { readThrough: Date | null }>>`
    SELECT s.inspection_id::text AS "inspectionId", s.account_id::text AS "accountId", i.monitoring_at AS "monitoringAt",
      GREATEST(
        (SELECT max((b.x->'reasonDetails'->>'readThrough')::timestamptz)
         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(s.breakdown->'indicators') = 'array'
           THEN s.breakdown->'indicators' ELSE '[]'::jsonb END) AS b(x)
         WHERE b.x->>'reason' = 'NOT_READ_THROUGH'),
        (SELECT max((f.details->>'readThrough')::timestamptz) FROM finding f
         WHERE f.inspection_id = s.inspection_id AND f.account_id = s.account_id
           AND f.indicator_code = 'V2' AND f.status = 'SUSPECTED')
      ) AS "scoredReadThrough",
      r.coverage_to AS "readThrough"
    FROM inspection i
    JOIN score s ON s.inspection_id = i.id
    CROSS JOIN LATERAL (
      SELECT c.crawl_run_id FROM crawl_coverage c
      WHERE c.account_id = s.account_id AND c.status = 'COVERED'
      ORDER BY c.day DESC LIMIT 1
    ) AS latest
    JOIN crawl_run r ON r.id = latest.crawl_run_id
    WHERE i.status = 'DONE' AND i.monitoring_at >= ${since} AND i.monitoring_at <= ${until}
      AND ${AWAITING_READ}
      AND r.coverage_to >= i.monitoring_at
    ORDER BY i.monitoring_at ASC, s.inspection_id, s.account_id
    LIMIT ${limit}`;
}

/** Per inspection, how many of its scores wait on a read (inspections with none are left out); from the tally. */
export async function countAwaitingReadScores(db: Db, inspectionIds: string[]): Promise<Map<string, number>> {
  if (inspectionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ inspectionId: string; n: number }>>`
    SELECT t.inspection_id::text AS "inspectionId", sum(t.n)::int AS n
    FROM inspection_tally t
    WHERE t.inspection_id = ANY(${inspectionIds}::uuid[]) AND t.awaiting_read
    GROUP BY t.inspection_id`;
  return new Map(rows.map((r) => [r.inspectionId, r.n]));
}
