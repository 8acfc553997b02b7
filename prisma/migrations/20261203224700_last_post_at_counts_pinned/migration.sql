-- account.last_post_at now counts a pinned item by its own publication date like any other (platform-formats §1.3):
-- recompute it with the rule ingest maintains (newest post not detected as deleted).
UPDATE "account" AS a
SET "last_post_at" = p.last_post_at
FROM (
  SELECT "account_id", max("published_at") AS last_post_at
  FROM "post"
  WHERE "deleted_detected_at" IS NULL
  GROUP BY "account_id"
) AS p
WHERE p."account_id" = a."id" AND a."last_post_at" IS DISTINCT FROM p.last_post_at;
