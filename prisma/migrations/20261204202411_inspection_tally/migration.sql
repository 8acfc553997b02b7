-- Per-inspection counts (issue 16, docs/benchmarks.md): the inspections page counted every listed inspection's scores
-- per result and scanned their breakdowns for reads still awaited on each visit (2.7 s with twelve inspections of
-- 50 000 accounts). Kept here by a trigger on score, incrementally: every insert, update and delete adds or removes
-- its rows' counts, so the table always equals the counts over `score`.

-- CreateTable
CREATE TABLE "inspection_tally" (
    "inspection_id" UUID NOT NULL,
    "result" "ScoreResult" NOT NULL,
    "awaiting_read" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "inspection_tally_pkey" PRIMARY KEY ("inspection_id","result","awaiting_read")
);

-- Whether a score still waits on a read (docs/scoring.md "Read up to when", "Settling"): V2 or D1 undecided because
-- the last read ended before the inspection's monitoring date (reason NOT_READ_THROUGH), or a suspected V2. The one
-- definition: the settle job, the inspections page and this tally all call it (lib/data/awaiting-read.ts).
CREATE FUNCTION xunjian_score_awaits_read(pending_veto_codes text[], breakdown jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(pending_veto_codes @> ARRAY['V2']::text[], false)
      OR EXISTS (
        SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(breakdown->'indicators') = 'array'
          THEN breakdown->'indicators' ELSE '[]'::jsonb END) AS b(x)
        WHERE b.x->>'reason' = 'NOT_READ_THROUGH')
  $$;

-- Adds the statement's net change per (inspection, result, awaiting) in key order (concurrent writers of one
-- inspection lock the same rows in the same order), then drops rows that reached zero.
CREATE FUNCTION xunjian_tally_scores() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO inspection_tally AS t (inspection_id, result, awaiting_read, n)
      SELECT inspection_id, result, xunjian_score_awaits_read(pending_veto_codes, breakdown) AS a, count(*)::int
      FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (inspection_id, result, awaiting_read) DO UPDATE SET n = t.n + excluded.n;
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO inspection_tally AS t (inspection_id, result, awaiting_read, n)
      SELECT inspection_id, result, a, sum(d)::int FROM (
        SELECT inspection_id, result, xunjian_score_awaits_read(pending_veto_codes, breakdown) AS a, 1 AS d FROM new_rows
        UNION ALL
        SELECT inspection_id, result, xunjian_score_awaits_read(pending_veto_codes, breakdown), -1 FROM old_rows
      ) x GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (inspection_id, result, awaiting_read) DO UPDATE SET n = t.n + excluded.n;
  ELSE
    INSERT INTO inspection_tally AS t (inspection_id, result, awaiting_read, n)
      SELECT inspection_id, result, xunjian_score_awaits_read(pending_veto_codes, breakdown) AS a, -count(*)::int
      FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (inspection_id, result, awaiting_read) DO UPDATE SET n = t.n + excluded.n;
  END IF;
  DELETE FROM inspection_tally WHERE n = 0 AND inspection_id IN (SELECT DISTINCT inspection_id FROM old_rows);
  RETURN NULL;
END
$$;

CREATE TRIGGER score_inserted_tally AFTER INSERT ON score
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xunjian_tally_scores();
CREATE TRIGGER score_updated_tally AFTER UPDATE ON score
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xunjian_tally_scores();
CREATE TRIGGER score_deleted_tally AFTER DELETE ON score
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION xunjian_tally_scores();

-- TRUNCATE fires no delete triggers: emptying `score` (or a table it cascades from) empties the tally too.
CREATE FUNCTION xunjian_score_truncated_tally() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  TRUNCATE inspection_tally;
  RETURN NULL;
END
$$;
CREATE TRIGGER score_truncated_clear_tally AFTER TRUNCATE ON score
  FOR EACH STATEMENT EXECUTE FUNCTION xunjian_score_truncated_tally();

-- The scores already stored.
INSERT INTO inspection_tally (inspection_id, result, awaiting_read, n)
  SELECT inspection_id, result, xunjian_score_awaits_read(pending_veto_codes, breakdown), count(*)::int
  FROM score GROUP BY 1, 2, 3;
