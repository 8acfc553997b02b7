-- AlterEnum
ALTER TYPE "AlertKind" ADD VALUE 'PARSER_DRIFT';

-- AlterTable
ALTER TABLE "crawl_run" ADD COLUMN     "reparsed_at" TIMESTAMPTZ(3),
ADD COLUMN     "replay_input" JSONB,
ADD COLUMN     "snapshot_digest" TEXT;

-- CreateTable
CREATE TABLE "raw_response" (
    "hash" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "content_type" TEXT,
    "encoding" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "body" BYTEA NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "raw_response_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "crawl_exchange" (
    "crawl_run_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "request_key" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "raw_hash" TEXT,
    "http_status" INTEGER,
    "error_kind" "CrawlErrorKind",
    "error_message" TEXT,
    "parse_failed" BOOLEAN NOT NULL DEFAULT false,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crawl_exchange_pkey" PRIMARY KEY ("crawl_run_id","seq")
);

-- CreateTable
CREATE TABLE "endpoint_health_hour" (
    "platform" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "successes" INTEGER NOT NULL DEFAULT 0,
    "blocked" INTEGER NOT NULL DEFAULT 0,
    "parse_failures" INTEGER NOT NULL DEFAULT 0,
    "dropped_items" INTEGER NOT NULL DEFAULT 0,
    "sample_raw_hash" TEXT,
    "sample_account_id" UUID,

    CONSTRAINT "endpoint_health_hour_pkey" PRIMARY KEY ("platform","endpoint","hour")
);

-- CreateIndex
CREATE INDEX "raw_response_last_seen_at_idx" ON "raw_response"("last_seen_at");

-- CreateIndex
CREATE INDEX "crawl_exchange_raw_hash_idx" ON "crawl_exchange"("raw_hash");

-- CreateIndex
CREATE INDEX "endpoint_health_hour_hour_idx" ON "endpoint_health_hour"("hour");

-- AddForeignKey
ALTER TABLE "crawl_exchange" ADD CONSTRAINT "crawl_exchange_crawl_run_id_fkey" FOREIGN KEY ("crawl_run_id") REFERENCES "crawl_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crawl_exchange" ADD CONSTRAINT "crawl_exchange_raw_hash_fkey" FOREIGN KEY ("raw_hash") REFERENCES "raw_response"("hash") ON DELETE SET NULL ON UPDATE CASCADE;
