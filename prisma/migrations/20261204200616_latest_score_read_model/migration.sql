-- Read models of the latest scores (issue 16, docs/figures.md "Latest score", docs/benchmarks.md): the overview,
-- the agency scorecards and the account lists read each account's latest score, and the overview's quarter trend
-- each account's latest score per quarter. Computed from `score` on every read, both grew with the history (a year of
-- monthly inspections of 50 000 accounts: ~20 s per overview). Here they are kept by triggers, so every writer of
-- scores and inspections (the inspection run, re-scoring, reviews, deletes, seeds, SQL) keeps them and no reader can
-- see a figure that disagrees with `score`.

-- CreateTable
CREATE TABLE "latest_score" (
    "account_id" UUID NOT NULL,
    "score_id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "monitoring_at" TIMESTAMPTZ(3) NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "result" "ScoreResult" NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "veto_codes" TEXT[],

    CONSTRAINT "latest_score_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "quarter_score" (
    "account_id" UUID NOT NULL,
    "quarter" TEXT NOT NULL,
    "score_id" UUID NOT NULL,
    "monitoring_at" TIMESTAMPTZ(3) NOT NULL,
    "result" "ScoreResult" NOT NULL,

    CONSTRAINT "quarter_score_pkey" PRIMARY KEY ("account_id","quarter")
);

-- CreateIndex
CREATE INDEX "latest_score_score_id_idx" ON "latest_score"("score_id");

-- CreateIndex
CREATE INDEX "quarter_score_quarter_idx" ON "quarter_score"("quarter");

-- CreateIndex
CREATE INDEX "quarter_score_score_id_idx" ON "quarter_score"("score_id");

-- Recomputes both read models for the given accounts from `score` (the one definition of "latest"). Refreshes run one
-- at a time (a transaction-level advisory lock): after the lock each statement sees every committed refresh before
-- it, so two transactions re-scoring the same account cannot leave the older score behind.
CREATE FUNCTION xunjian_refresh_latest_scores(ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('xunjian.latest_score'));
  DELETE FROM latest_score WHERE account_id = ANY(ids);
  INSERT INTO latest_score (account_id, score_id, inspection_id, monitoring_at, computed_at, result, total, veto_codes)
    SELECT DISTINCT ON (s.account_id) s.account_id, s.id, s.inspection_id, i.monitoring_at, s.computed_at, s.result,
           s.total, s.veto_codes
    FROM score s JOIN inspection i ON i.id = s.inspection_id AND i.status = 'DONE'
    WHERE s.account_id = ANY(ids)
    ORDER BY s.account_id, i.monitoring_at DESC, s.computed_at DESC;
  DELETE FROM quarter_score WHERE account_id = ANY(ids);
  INSERT INTO quarter_score (account_id, quarter, score_id, monitoring_at, result)
    SELECT DISTINCT ON (s.account_id, q.quarter) s.account_id, q.quarter, s.id, i.monitoring_at, s.result
    FROM score s JOIN inspection i ON i.id = s.inspection_id AND i.status = 'DONE'
    CROSS JOIN LATERAL (SELECT to_char(i.monitoring_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-"Q"Q') AS quarter) q
    WHERE s.account_id = ANY(ids)
    ORDER BY s.account_id, q.quarter, i.monitoring_at DESC, s.computed_at DESC;
END
$$;

-- Scores written into a finished inspection (re-scoring, reviews); scores of a running inspection count only once it
-- is DONE (the inspection trigger below).
CREATE FUNCTION xunjian_score_inserted() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM xunjian_refresh_latest_scores(ARRAY(
    SELECT DISTINCT n.account_id FROM new_rows n JOIN inspection i ON i.id = n.inspection_id WHERE i.status = 'DONE'));
  RETURN NULL;
END
$$;

CREATE FUNCTION xunjian_score_updated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM xunjian_refresh_latest_scores(ARRAY(
    SELECT DISTINCT x.account_id
    FROM (SELECT account_id, inspection_id FROM new_rows UNION SELECT account_id, inspection_id FROM old_rows) x
    JOIN inspection i ON i.id = x.inspection_id WHERE i.status = 'DONE'));
  RETURN NULL;
END
$$;

-- A deleted score (or its inspection or account deleted) matters only if a read model row points at it.
CREATE FUNCTION xunjian_score_deleted() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM xunjian_refresh_latest_scores(ARRAY(
    SELECT DISTINCT o.account_id FROM old_rows o
    WHERE EXISTS (SELECT 1 FROM latest_score l WHERE l.score_id = o.id)
       OR EXISTS (SELECT 1 FROM quarter_score q WHERE q.score_id = o.id)));
  RETURN NULL;
END
$$;

-- An inspection becoming DONE (or ceasing to be), or a finished one moving its monitoring date.
CREATE FUNCTION xunjian_inspection_updated() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM xunjian_refresh_latest_scores(ARRAY(
    SELECT DISTINCT s.account_id FROM score s
    WHERE s.inspection_id IN (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.status = 'DONE') <> (o.status = 'DONE') OR (n.status = 'DONE' AND n.monitoring_at <> o.monitoring_at))));
  RETURN NULL;
END
$$;

CREATE TRIGGER score_inserted_refresh_latest AFTER INSERT ON score
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xunjian_score_inserted();
CREATE TRIGGER score_updated_refresh_latest AFTER UPDATE ON score
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xunjian_score_updated();
CREATE TRIGGER score_deleted_refresh_latest AFTER DELETE ON score
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION xunjian_score_deleted();
CREATE TRIGGER inspection_updated_refresh_latest AFTER UPDATE ON inspection
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION xunjian_inspection_updated();

-- TRUNCATE fires no delete triggers: emptying `score` (or a table it cascades from) empties the read models too.
CREATE FUNCTION xunjian_score_truncated_latest() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  TRUNCATE latest_score, quarter_score;
  RETURN NULL;
END
$$;
CREATE TRIGGER score_truncated_clear_latest AFTER TRUNCATE ON score
  FOR EACH STATEMENT EXECUTE FUNCTION xunjian_score_truncated_latest();

-- The scores already stored.
SELECT xunjian_refresh_latest_scores(ARRAY(SELECT DISTINCT account_id FROM score));
