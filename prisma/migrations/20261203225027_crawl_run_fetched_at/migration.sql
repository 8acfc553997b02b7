-- AlterTable
ALTER TABLE "crawl_run" ADD COLUMN     "fetched_at" TIMESTAMPTZ(3);

-- Runs stored before: the closest known instant of the platform's answer.
UPDATE "crawl_run" SET "fetched_at" = coalesce("started_at", "requested_at") WHERE "fetched_at" IS NULL;
