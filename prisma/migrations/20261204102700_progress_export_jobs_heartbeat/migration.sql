-- CreateEnum
CREATE TYPE "ExportJobStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "inspection" ADD COLUMN     "progress_done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "progress_total" INTEGER;

-- CreateTable
CREATE TABLE "export_job" (
    "id" UUID NOT NULL,
    "requested_by_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "agency_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "status" "ExportJobStatus" NOT NULL DEFAULT 'QUEUED',
    "steps_done" INTEGER NOT NULL DEFAULT 0,
    "steps_total" INTEGER NOT NULL DEFAULT 0,
    "error_key" TEXT,
    "filename" TEXT,
    "ascii_filename" TEXT,
    "content_type" TEXT,
    "content" BYTEA,
    "byte_size" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "export_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "worker_heartbeat" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "worker_heartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "export_job_requested_by_id_created_at_idx" ON "export_job"("requested_by_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "export_job_status_created_at_idx" ON "export_job"("status", "created_at");

-- CreateIndex
CREATE INDEX "worker_heartbeat_seen_at_idx" ON "worker_heartbeat"("seen_at");
