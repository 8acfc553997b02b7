-- AlterTable
ALTER TABLE "account" ADD COLUMN     "last_post_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "account_agency_id_last_post_at_idx" ON "account"("agency_id", "last_post_at");

-- Backfill: the same rule ingest maintains (newest post that is neither pinned nor detected as deleted).
UPDATE "account" AS a
SET "last_post_at" = p.last_post_at
FROM (
  SELECT "account_id", max("published_at") AS last_post_at
  FROM "post"
  WHERE "is_pinned" = false AND "deleted_detected_at" IS NULL
  GROUP BY "account_id"
) AS p
WHERE p."account_id" = a."id";
