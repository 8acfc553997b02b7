-- CreateEnum
CREATE TYPE "NotificationChannelKind" AS ENUM ('WECOM', 'DINGTALK', 'EMAIL');

-- CreateEnum
CREATE TYPE "NotificationMode" AS ENUM ('IMMEDIATE', 'DIGEST');

-- CreateEnum
CREATE TYPE "DeliveryKind" AS ENUM ('ALERTS', 'DIGEST', 'TEST');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'QUEUED', 'RETRYING', 'SENT', 'DEAD');

-- CreateTable
CREATE TABLE "notification_channel" (
    "id" UUID NOT NULL,
    "owner_id" TEXT NOT NULL,
    "kind" "NotificationChannelKind" NOT NULL,
    "label" TEXT NOT NULL,
    "secret_hint" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "iv" BYTEA NOT NULL,
    "auth_tag" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_subscription" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "agency_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "kinds" "AlertKind"[],
    "mode" "NotificationMode" NOT NULL,
    "quiet_start_minute" INTEGER,
    "quiet_end_minute" INTEGER,
    "digest_minute" INTEGER NOT NULL DEFAULT 510,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "subscription_id" UUID,
    "kind" "DeliveryKind" NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "title" TEXT NOT NULL,
    "message" JSONB NOT NULL,
    "not_before" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_status_code" INTEGER,
    "last_latency_ms" INTEGER,
    "last_error" TEXT,
    "requested_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queued_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_attempt" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ok" BOOLEAN,
    "status_code" INTEGER,
    "latency_ms" INTEGER,
    "error" TEXT,

    CONSTRAINT "delivery_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_alert" (
    "subscription_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,

    CONSTRAINT "delivery_alert_pkey" PRIMARY KEY ("subscription_id","alert_id")
);

-- CreateIndex
CREATE INDEX "notification_channel_owner_id_idx" ON "notification_channel"("owner_id");

-- CreateIndex
CREATE INDEX "notification_subscription_agency_id_idx" ON "notification_subscription"("agency_id");

-- CreateIndex
CREATE INDEX "notification_subscription_user_id_idx" ON "notification_subscription"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_dedupe_key_key" ON "delivery"("dedupe_key");

-- CreateIndex
CREATE INDEX "delivery_status_not_before_idx" ON "delivery"("status", "not_before");

-- CreateIndex
CREATE INDEX "delivery_channel_id_created_at_idx" ON "delivery"("channel_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "delivery_attempt_channel_id_started_at_idx" ON "delivery_attempt"("channel_id", "started_at");

-- CreateIndex
CREATE INDEX "delivery_attempt_delivery_id_attempt_idx" ON "delivery_attempt"("delivery_id", "attempt");

-- CreateIndex
CREATE INDEX "delivery_alert_delivery_id_idx" ON "delivery_alert"("delivery_id");

-- CreateIndex
CREATE INDEX "delivery_alert_alert_id_idx" ON "delivery_alert"("alert_id");

-- AddForeignKey
ALTER TABLE "notification_channel" ADD CONSTRAINT "notification_channel_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_subscription" ADD CONSTRAINT "notification_subscription_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_subscription" ADD CONSTRAINT "notification_subscription_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_subscription" ADD CONSTRAINT "notification_subscription_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "notification_subscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_attempt" ADD CONSTRAINT "delivery_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_alert" ADD CONSTRAINT "delivery_alert_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "notification_subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_alert" ADD CONSTRAINT "delivery_alert_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_alert" ADD CONSTRAINT "delivery_alert_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
