-- CreateEnum
CREATE TYPE "LinkCheckOutcome" AS ENUM ('OK', 'BROKEN', 'NOT_CHECKED');

-- CreateEnum
CREATE TYPE "LinkSource" AS ENUM ('MENU', 'ITEM');

-- AlterTable
ALTER TABLE "link_check" ADD COLUMN     "elapsed_ms" INTEGER,
ADD COLUMN     "final_url" TEXT,
ADD COLUMN     "outcome" "LinkCheckOutcome",
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "source" "LinkSource" NOT NULL DEFAULT 'ITEM';

-- Rows written before the outcome existed: an error or a status >= 400 was read as a failure (the old D6 rule), except
-- a refused private-network target, which was never a check of the link.
UPDATE "link_check" SET "outcome" = CASE
    WHEN "error_kind" IN ('SSRF_REFUSED', 'CIRCUIT_OPEN') THEN 'NOT_CHECKED'::"LinkCheckOutcome"
    WHEN "error_kind" IS NOT NULL OR "http_status" >= 400 THEN 'BROKEN'::"LinkCheckOutcome"
    ELSE 'OK'::"LinkCheckOutcome" END;
ALTER TABLE "link_check" ALTER COLUMN "outcome" SET NOT NULL;
