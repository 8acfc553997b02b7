-- History at scale (issue 16 item 2, docs/retention.md): post and comment are partitioned by the month of their
-- UUIDv7 id (the Asia/Shanghai month the row was first stored), crawl_coverage by the month of its day. Each table
-- keeps a DEFAULT partition, so a row outside every monthly range never fails an ingest.
--
-- Why the id and not published_at for post and comment: a unique index of a partitioned table must contain the
-- partition key. Keyed by id, the primary keys stay single-column, so every foreign key to post(id) and comment(id)
-- (revisions, comments, replies, findings' evidence, repost targets) stays a real foreign key and the Prisma models stay
-- as they are. The price: the unique keys (account_id, platform_post_id) and (post_id, platform_comment_id) are
-- enforced per partition (ingest looks a platform id up across all partitions before inserting). Prisma does not model
-- partitioning; scripts/migrate/partitioning.mjs tells drift, db-drift and create about exactly these two indexes.
--
-- Monthly partitions are created by xunjian_ensure_month_partition(), here for the months already holding rows up to
-- three months ahead, afterwards by the worker's daily maintain-partitions job.

-- The smallest UUIDv7 of an instant (48-bit Unix milliseconds, then zeros): a month's lower partition bound.
CREATE FUNCTION xunjian_uuid7_floor(t timestamptz) RETURNS uuid
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT (lpad(to_hex(greatest(0, floor(extract(epoch FROM t) * 1000))::bigint), 12, '0') || '00000000000000000000')::uuid $$;

-- The instant a UUIDv7 was generated.
CREATE FUNCTION xunjian_uuid7_time(id uuid) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT to_timestamp((('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint) / 1000.0) $$;

-- Creates <parent>_pYYYYMM for the Asia/Shanghai month of `month` when it is missing. Returns 'exists', 'created',
-- 'moved' (crawl_coverage: the DEFAULT partition's rows of that month moved into the new partition) or 'in-default'
-- (post, comment: the DEFAULT partition already holds rows of that month, and they stay there; moving them would fire
-- the ON DELETE actions of the foreign keys that reference post and comment).
CREATE FUNCTION xunjian_ensure_month_partition(parent text, month date) RETURNS text
  LANGUAGE plpgsql
  AS $$
DECLARE
  m date := date_trunc('month', month)::date;
  part text := parent || '_p' || to_char(date_trunc('month', month), 'YYYYMM');
  key text;
  uniq text;
  lo text;
  hi text;
  busy boolean := false;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('xunjian_month_partitions'));
  IF to_regclass(quote_ident(part)) IS NOT NULL THEN
    RETURN 'exists';
  END IF;
  IF parent = 'crawl_coverage' THEN
    key := 'day';
    lo := quote_literal(m::text);
    hi := quote_literal((m + interval '1 month')::date::text);
  ELSIF parent IN ('post', 'comment') THEN
    key := 'id';
    uniq := CASE parent WHEN 'post' THEN 'account_id, platform_post_id' ELSE 'post_id, platform_comment_id' END;
    lo := quote_literal(xunjian_uuid7_floor((m::text || ' 00:00:00+08')::timestamptz)::text);
    hi := quote_literal(xunjian_uuid7_floor(((m + interval '1 month')::date::text || ' 00:00:00+08')::timestamptz)::text);
  ELSE
    RAISE EXCEPTION 'xunjian_ensure_month_partition: % is not partitioned by month', parent;
  END IF;
  IF to_regclass(quote_ident(parent || '_default')) IS NOT NULL THEN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= %s AND %I < %s)', parent || '_default', key, lo, key, hi)
      INTO busy;
    IF busy AND parent <> 'crawl_coverage' THEN
      RETURN 'in-default';
    END IF;
  END IF;
  IF busy THEN
    -- Nothing references crawl_coverage, so its rows of the month move out of the DEFAULT partition.
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS)', part, parent);
    EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= %s AND %I < %s RETURNING *) INSERT INTO %I SELECT * FROM moved',
      parent || '_default', key, lo, key, hi, part);
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', parent, part, lo, hi);
    RETURN 'moved';
  END IF;
  EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%s) TO (%s)', part, parent, lo, hi);
  IF uniq IS NOT NULL THEN
    EXECUTE format('CREATE UNIQUE INDEX %I ON %I (%s)', part || '_unique', part, uniq);
  END IF;
  RETURN 'created';
END
$$;

-- ─── take the three tables and what references them apart ───
ALTER TABLE "post_revision" DROP CONSTRAINT "post_revision_post_id_fkey";
ALTER TABLE "comment" DROP CONSTRAINT "comment_post_id_fkey";
ALTER TABLE "comment" DROP CONSTRAINT "comment_reply_to_comment_id_fkey";
ALTER TABLE "finding" DROP CONSTRAINT "finding_post_id_fkey";
ALTER TABLE "finding" DROP CONSTRAINT "finding_comment_id_fkey";
ALTER TABLE "repost_task_target" DROP CONSTRAINT "repost_task_target_post_id_fkey";

ALTER TABLE "post" RENAME TO "post_unpartitioned";
ALTER TABLE "post_unpartitioned" DROP CONSTRAINT "post_account_id_fkey";
ALTER TABLE "post_unpartitioned" RENAME CONSTRAINT "post_pkey" TO "post_unpartitioned_pkey";
DROP INDEX "post_account_id_published_at_idx";
DROP INDEX "post_published_at_idx";
DROP INDEX "post_account_id_platform_post_id_key";

ALTER TABLE "comment" RENAME TO "comment_unpartitioned";
ALTER TABLE "comment_unpartitioned" DROP CONSTRAINT "comment_account_id_fkey";
ALTER TABLE "comment_unpartitioned" RENAME CONSTRAINT "comment_pkey" TO "comment_unpartitioned_pkey";
DROP INDEX "comment_account_id_published_at_idx";
DROP INDEX "comment_reply_to_comment_id_idx";
DROP INDEX "comment_post_id_platform_comment_id_key";

ALTER TABLE "crawl_coverage" RENAME TO "crawl_coverage_unpartitioned";
ALTER TABLE "crawl_coverage_unpartitioned" DROP CONSTRAINT "crawl_coverage_account_id_fkey";
ALTER TABLE "crawl_coverage_unpartitioned" DROP CONSTRAINT "crawl_coverage_crawl_run_id_fkey";
ALTER TABLE "crawl_coverage_unpartitioned" RENAME CONSTRAINT "crawl_coverage_pkey" TO "crawl_coverage_unpartitioned_pkey";
DROP INDEX "crawl_coverage_day_status_idx";

-- ─── the partitioned tables: same columns, defaults, keys and indexes ───
CREATE TABLE "post" (LIKE "post_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("id");
ALTER TABLE "post" ADD CONSTRAINT "post_pkey" PRIMARY KEY ("id");
CREATE INDEX "post_account_id_published_at_idx" ON "post"("account_id", "published_at" DESC);
CREATE INDEX "post_published_at_idx" ON "post"("published_at");

CREATE TABLE "comment" (LIKE "comment_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("id");
ALTER TABLE "comment" ADD CONSTRAINT "comment_pkey" PRIMARY KEY ("id");
CREATE INDEX "comment_account_id_published_at_idx" ON "comment"("account_id", "published_at");
CREATE INDEX "comment_reply_to_comment_id_idx" ON "comment"("reply_to_comment_id");

CREATE TABLE "crawl_coverage" (LIKE "crawl_coverage_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("day");
ALTER TABLE "crawl_coverage" ADD CONSTRAINT "crawl_coverage_pkey" PRIMARY KEY ("account_id", "day");
CREATE INDEX "crawl_coverage_day_status_idx" ON "crawl_coverage"("day", "status");

-- Monthly partitions from the oldest stored month (not before 2020) to three months ahead, then the DEFAULT partitions.
DO $$
DECLARE
  floor_ts timestamptz := '2020-01-01 00:00:00+08';
  ahead timestamptz := now() + interval '3 months';
  first_post date;
  first_comment date;
  first_day date;
  m date;
BEGIN
  SELECT ((min(xunjian_uuid7_time(id)) AT TIME ZONE 'UTC') + interval '8 hours')::date INTO first_post FROM "post_unpartitioned"
    WHERE id >= xunjian_uuid7_floor(floor_ts) AND id < xunjian_uuid7_floor(now());
  SELECT ((min(xunjian_uuid7_time(id)) AT TIME ZONE 'UTC') + interval '8 hours')::date INTO first_comment FROM "comment_unpartitioned"
    WHERE id >= xunjian_uuid7_floor(floor_ts) AND id < xunjian_uuid7_floor(now());
  SELECT min(day) INTO first_day FROM "crawl_coverage_unpartitioned" WHERE day >= '2020-01-01' AND day <= now();
  FOR m IN SELECT generate_series(date_trunc('month', least(coalesce(first_post, now()::date), now()::date)), ahead, interval '1 month')::date LOOP
    PERFORM xunjian_ensure_month_partition('post', m);
  END LOOP;
  FOR m IN SELECT generate_series(date_trunc('month', least(coalesce(first_comment, now()::date), now()::date)), ahead, interval '1 month')::date LOOP
    PERFORM xunjian_ensure_month_partition('comment', m);
  END LOOP;
  FOR m IN SELECT generate_series(date_trunc('month', least(coalesce(first_day, now()::date), now()::date)), ahead, interval '1 month')::date LOOP
    PERFORM xunjian_ensure_month_partition('crawl_coverage', m);
  END LOOP;
END
$$;

CREATE TABLE "post_default" PARTITION OF "post" DEFAULT;
CREATE UNIQUE INDEX "post_default_unique" ON "post_default"("account_id", "platform_post_id");
CREATE TABLE "comment_default" PARTITION OF "comment" DEFAULT;
CREATE UNIQUE INDEX "comment_default_unique" ON "comment_default"("post_id", "platform_comment_id");
CREATE TABLE "crawl_coverage_default" PARTITION OF "crawl_coverage" DEFAULT;

-- ─── move the rows, drop the old tables ───
INSERT INTO "post" SELECT * FROM "post_unpartitioned";
INSERT INTO "comment" SELECT * FROM "comment_unpartitioned";
INSERT INTO "crawl_coverage" SELECT * FROM "crawl_coverage_unpartitioned";
DROP TABLE "post_unpartitioned";
DROP TABLE "comment_unpartitioned";
DROP TABLE "crawl_coverage_unpartitioned";

-- ─── foreign keys as before (a foreign key to a partitioned table is checked against all its partitions) ───
ALTER TABLE "post" ADD CONSTRAINT "post_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comment" ADD CONSTRAINT "comment_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comment" ADD CONSTRAINT "comment_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comment" ADD CONSTRAINT "comment_reply_to_comment_id_fkey" FOREIGN KEY ("reply_to_comment_id") REFERENCES "comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "post_revision" ADD CONSTRAINT "post_revision_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "finding" ADD CONSTRAINT "finding_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "finding" ADD CONSTRAINT "finding_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "repost_task_target" ADD CONSTRAINT "repost_task_target_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "crawl_coverage" ADD CONSTRAINT "crawl_coverage_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "crawl_coverage" ADD CONSTRAINT "crawl_coverage_crawl_run_id_fkey" FOREIGN KEY ("crawl_run_id") REFERENCES "crawl_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;
