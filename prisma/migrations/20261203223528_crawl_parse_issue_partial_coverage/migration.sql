-- AlterEnum
ALTER TYPE "CoverageStatus" ADD VALUE 'PARTIAL';

-- CreateTable
CREATE TABLE "crawl_parse_issue" (
    "id" UUID NOT NULL,
    "crawl_run_id" UUID NOT NULL,
    "endpoint" TEXT NOT NULL,
    "item_key" TEXT,
    "zod_path" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raw_json" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "crawl_parse_issue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "crawl_parse_issue_crawl_run_id_idx" ON "crawl_parse_issue"("crawl_run_id");

-- AddForeignKey
ALTER TABLE "crawl_parse_issue" ADD CONSTRAINT "crawl_parse_issue_crawl_run_id_fkey" FOREIGN KEY ("crawl_run_id") REFERENCES "crawl_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
