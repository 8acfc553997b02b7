-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AgencyLevel" AS ENUM ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "PlatformKind" AS ENUM ('SOCIAL', 'MESSAGING', 'APP_STORE', 'FEED', 'VIDEO');

-- CreateEnum
CREATE TYPE "FilingStatus" AS ENUM ('UNFILED', 'PENDING', 'FILED', 'REVOKED');

-- CreateEnum
CREATE TYPE "AccountLifecycle" AS ENUM ('OPEN', 'CHANGED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CrawlStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED');

-- CreateEnum
CREATE TYPE "CrawlErrorKind" AS ENUM ('RATE_LIMITED', 'LOGIN_WALL', 'NOT_FOUND', 'DELETED', 'BLOCKED', 'AUTH', 'HTTP', 'PARSE', 'NETWORK', 'TIMEOUT', 'SSRF_REFUSED', 'CIRCUIT_OPEN', 'INTERNAL');

-- CreateEnum
CREATE TYPE "CoverageStatus" AS ENUM ('COVERED', 'FAILED');

-- CreateEnum
CREATE TYPE "AppStore" AS ENUM ('APP_STORE', 'HUAWEI', 'YINGYONGBAO', 'XIAOMI');

-- CreateEnum
CREATE TYPE "EditionStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "LexiconCategory" AS ENUM ('PROTECTED_TERM', 'SECRECY_MARK', 'PROHIBITED', 'PROHIBITED_DOMAIN', 'ENTERTAINMENT', 'INSULT', 'COMMERCIAL_SPAM', 'FORCED_FOLLOW', 'TYPO', 'CANNED_REPLY', 'CORRECTION');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "InspectionScope" AS ENUM ('TREE', 'SAMPLE');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "ScoreResult" AS ENUM ('PASS', 'FAIL_SCORE', 'FAIL_VETO', 'AT_RISK', 'INSUFFICIENT_DATA');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('SUSPECTED', 'CONFIRMED', 'DISMISSED', 'RECTIFIED');

-- CreateEnum
CREATE TYPE "EvidenceSource" AS ENUM ('POST', 'COMMENT', 'SNAPSHOT', 'APP_RELEASE', 'STORE_LISTING', 'LINK_CHECK', 'ACCOUNT', 'COVERAGE', 'REPOST_TASK');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('NEARING_STALE', 'STALE', 'CRAWL_FAILING', 'VETO_SUSPECTED', 'RECTIFICATION_OVERDUE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SUPERVISOR', 'AUDITOR');

-- CreateTable
CREATE TABLE "agency" (
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "ancestor_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "level" "AgencyLevel" NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT,
    "code" TEXT,
    "region_code" TEXT,
    "is_supervising_unit" BOOLEAN NOT NULL DEFAULT false,
    "naming_rule" TEXT,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform" (
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" "PlatformKind" NOT NULL,
    "capabilities" JSONB NOT NULL DEFAULT '{}',
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "platform_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "account" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "platform_code" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "url" TEXT,
    "filing_number" TEXT,
    "filing_status" "FilingStatus" NOT NULL DEFAULT 'UNFILED',
    "lifecycle" "AccountLifecycle" NOT NULL DEFAULT 'OPEN',
    "opened_at" TIMESTAMPTZ(3),
    "changed_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "crawl_config" JSONB NOT NULL DEFAULT '{}',
    "credential_id" UUID,
    "is_registered" BOOLEAN NOT NULL DEFAULT true,
    "next_crawl_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_lifecycle_event" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "lifecycle" "AccountLifecycle" NOT NULL,
    "effective_at" TIMESTAMPTZ(3) NOT NULL,
    "filing_number" TEXT,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "note" TEXT,
    "actor_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_lifecycle_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform_credential" (
    "id" UUID NOT NULL,
    "platform_code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "iv" BYTEA NOT NULL,
    "auth_tag" BYTEA NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "platform_credential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crawl_run" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "slot_key" TEXT NOT NULL,
    "status" "CrawlStatus" NOT NULL DEFAULT 'QUEUED',
    "error_kind" "CrawlErrorKind",
    "error_message" TEXT,
    "http_status" INTEGER,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "requested_by_id" TEXT,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "coverage_from" TIMESTAMPTZ(3),
    "coverage_to" TIMESTAMPTZ(3),
    "posts_seen" INTEGER NOT NULL DEFAULT 0,
    "comments_seen" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "crawl_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crawl_coverage" (
    "account_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "status" "CoverageStatus" NOT NULL,
    "error_kind" "CrawlErrorKind",
    "crawl_run_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crawl_coverage_pkey" PRIMARY KEY ("account_id","day")
);

-- CreateTable
CREATE TABLE "snapshot" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "crawl_run_id" UUID,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "display_name" TEXT NOT NULL,
    "avatar_url" TEXT,
    "avatar_hash" TEXT,
    "description" TEXT,
    "is_verified" BOOLEAN,
    "verified_reason" TEXT,
    "verified_type" INTEGER,
    "followers_count" INTEGER,
    "following_count" INTEGER,
    "posts_count" INTEGER,
    "is_interaction_enabled" BOOLEAN,
    "has_feedback_channel" BOOLEAN,
    "ip_location" TEXT,

    CONSTRAINT "snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "platform_post_id" TEXT NOT NULL,
    "url" TEXT,
    "title" TEXT,
    "text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "edited_at" TIMESTAMPTZ(3),
    "deleted_detected_at" TIMESTAMPTZ(3),
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "is_pinned" BOOLEAN NOT NULL DEFAULT false,
    "is_repost" BOOLEAN NOT NULL DEFAULT false,
    "repost_of_url" TEXT,
    "repost_of_text" TEXT,
    "comments_enabled" BOOLEAN,
    "reposts_count" INTEGER,
    "comments_count" INTEGER,
    "likes_count" INTEGER,
    "reads_count" INTEGER,
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source" TEXT,

    CONSTRAINT "post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "post_revision" (
    "id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "post_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "platform_comment_id" TEXT NOT NULL,
    "author_platform_id" TEXT,
    "author_name" TEXT,
    "is_own_reply" BOOLEAN NOT NULL DEFAULT false,
    "reply_to_comment_id" UUID,
    "text" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "likes_count" INTEGER,
    "deleted_detected_at" TIMESTAMPTZ(3),
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_release" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "store" "AppStore" NOT NULL,
    "version" TEXT NOT NULL,
    "released_at" TIMESTAMPTZ(3),
    "rating" DOUBLE PRECISION,
    "rating_count" INTEGER,
    "seller_name" TEXT,
    "seller_id" TEXT,
    "app_name" TEXT NOT NULL,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store_listing" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "store" "AppStore" NOT NULL,
    "store_app_id" TEXT NOT NULL,
    "app_name" TEXT NOT NULL,
    "seller_name" TEXT,
    "seller_id" TEXT,
    "url" TEXT,
    "observed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "store_listing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_check" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "http_status" INTEGER,
    "error_kind" "CrawlErrorKind",

    CONSTRAINT "link_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_edition" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "based_on_id" UUID,
    "status" "EditionStatus" NOT NULL DEFAULT 'DRAFT',
    "catalogue" JSONB NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "indicator_edition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lexicon" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "LexiconCategory" NOT NULL,
    "license_note" TEXT,
    "options" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "lexicon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lexicon_entry" (
    "id" UUID NOT NULL,
    "lexicon_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lexicon_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_day" (
    "day" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "inspection" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "monitoring_at" TIMESTAMPTZ(3) NOT NULL,
    "scope_agency_id" UUID NOT NULL,
    "scope" "InspectionScope" NOT NULL DEFAULT 'TREE',
    "sample_ratio" DOUBLE PRECISION,
    "sample_seed" INTEGER,
    "edition_id" UUID NOT NULL,
    "status" "InspectionStatus" NOT NULL DEFAULT 'PENDING',
    "error_message" TEXT,
    "notice_published_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "score" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "edition_id" UUID NOT NULL,
    "result" "ScoreResult" NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "bonus" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "breakdown" JSONB NOT NULL,
    "veto_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pending_veto_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "coverage" JSONB NOT NULL DEFAULT '{}',
    "input_hash" TEXT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "score_id" UUID,
    "edition_id" UUID NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "status" "FindingStatus" NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "is_veto" BOOLEAN NOT NULL DEFAULT false,
    "fingerprint" TEXT NOT NULL,
    "source_type" "EvidenceSource" NOT NULL,
    "post_id" UUID,
    "comment_id" UUID,
    "snapshot_id" UUID,
    "app_release_id" UUID,
    "store_listing_id" UUID,
    "link_check_id" UUID,
    "source_url" TEXT,
    "source_platform_id" TEXT,
    "source_published_at" TIMESTAMPTZ(3),
    "span_start" INTEGER,
    "span_end" INTEGER,
    "matched_text" TEXT,
    "lexicon_entry" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "reviewed_by_id" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "review_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rectification" (
    "id" UUID NOT NULL,
    "finding_id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "deadline" DATE NOT NULL,
    "done_at" TIMESTAMPTZ(3),
    "note" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repost_task" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "item_url" TEXT,
    "match_terms" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "repost_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "repost_task_target" (
    "task_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "post_id" UUID,

    CONSTRAINT "repost_task_target_pkey" PRIMARY KEY ("task_id","account_id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" TEXT,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_grant" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "agency_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_account" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agency_code_key" ON "agency"("code");

-- CreateIndex
CREATE INDEX "agency_parent_id_idx" ON "agency"("parent_id");

-- CreateIndex
CREATE INDEX "agency_ancestor_ids_idx" ON "agency" USING GIN ("ancestor_ids");

-- CreateIndex
CREATE INDEX "agency_level_is_supervising_unit_idx" ON "agency"("level", "is_supervising_unit");

-- CreateIndex
CREATE INDEX "account_agency_id_platform_code_idx" ON "account"("agency_id", "platform_code");

-- CreateIndex
CREATE INDEX "account_lifecycle_next_crawl_at_idx" ON "account"("lifecycle", "next_crawl_at");

-- CreateIndex
CREATE UNIQUE INDEX "account_platform_code_handle_key" ON "account"("platform_code", "handle");

-- CreateIndex
CREATE INDEX "account_lifecycle_event_account_id_effective_at_idx" ON "account_lifecycle_event"("account_id", "effective_at");

-- CreateIndex
CREATE INDEX "platform_credential_platform_code_idx" ON "platform_credential"("platform_code");

-- CreateIndex
CREATE UNIQUE INDEX "crawl_run_slot_key_key" ON "crawl_run"("slot_key");

-- CreateIndex
CREATE INDEX "crawl_run_account_id_requested_at_idx" ON "crawl_run"("account_id", "requested_at" DESC);

-- CreateIndex
CREATE INDEX "crawl_run_status_requested_at_idx" ON "crawl_run"("status", "requested_at");

-- CreateIndex
CREATE INDEX "crawl_coverage_day_status_idx" ON "crawl_coverage"("day", "status");

-- CreateIndex
CREATE INDEX "snapshot_account_id_taken_at_idx" ON "snapshot"("account_id", "taken_at" DESC);

-- CreateIndex
CREATE INDEX "post_account_id_published_at_idx" ON "post"("account_id", "published_at" DESC);

-- CreateIndex
CREATE INDEX "post_published_at_idx" ON "post"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "post_account_id_platform_post_id_key" ON "post"("account_id", "platform_post_id");

-- CreateIndex
CREATE INDEX "post_revision_post_id_seen_at_idx" ON "post_revision"("post_id", "seen_at");

-- CreateIndex
CREATE INDEX "comment_account_id_published_at_idx" ON "comment"("account_id", "published_at");

-- CreateIndex
CREATE INDEX "comment_reply_to_comment_id_idx" ON "comment"("reply_to_comment_id");

-- CreateIndex
CREATE UNIQUE INDEX "comment_post_id_platform_comment_id_key" ON "comment"("post_id", "platform_comment_id");

-- CreateIndex
CREATE INDEX "app_release_account_id_observed_at_idx" ON "app_release"("account_id", "observed_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "app_release_account_id_store_version_key" ON "app_release"("account_id", "store", "version");

-- CreateIndex
CREATE UNIQUE INDEX "store_listing_account_id_store_store_app_id_key" ON "store_listing"("account_id", "store", "store_app_id");

-- CreateIndex
CREATE INDEX "link_check_account_id_url_checked_at_idx" ON "link_check"("account_id", "url", "checked_at");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_edition_code_key" ON "indicator_edition"("code");

-- CreateIndex
CREATE UNIQUE INDEX "lexicon_code_key" ON "lexicon"("code");

-- CreateIndex
CREATE UNIQUE INDEX "lexicon_entry_lexicon_id_term_key" ON "lexicon_entry"("lexicon_id", "term");

-- CreateIndex
CREATE INDEX "inspection_scope_agency_id_monitoring_at_idx" ON "inspection"("scope_agency_id", "monitoring_at" DESC);

-- CreateIndex
CREATE INDEX "inspection_monitoring_at_idx" ON "inspection"("monitoring_at");

-- CreateIndex
CREATE INDEX "score_account_id_computed_at_idx" ON "score"("account_id", "computed_at" DESC);

-- CreateIndex
CREATE INDEX "score_inspection_id_result_idx" ON "score"("inspection_id", "result");

-- CreateIndex
CREATE UNIQUE INDEX "score_inspection_id_account_id_key" ON "score"("inspection_id", "account_id");

-- CreateIndex
CREATE INDEX "finding_account_id_inspection_id_idx" ON "finding"("account_id", "inspection_id");

-- CreateIndex
CREATE INDEX "finding_status_indicator_code_idx" ON "finding"("status", "indicator_code");

-- CreateIndex
CREATE INDEX "finding_inspection_id_status_idx" ON "finding"("inspection_id", "status");

-- CreateIndex
CREATE INDEX "finding_fingerprint_idx" ON "finding"("fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "finding_inspection_id_fingerprint_key" ON "finding"("inspection_id", "fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "rectification_finding_id_key" ON "rectification"("finding_id");

-- CreateIndex
CREATE INDEX "rectification_agency_id_deadline_idx" ON "rectification"("agency_id", "deadline");

-- CreateIndex
CREATE INDEX "rectification_done_at_deadline_idx" ON "rectification"("done_at", "deadline");

-- CreateIndex
CREATE INDEX "repost_task_agency_id_deadline_idx" ON "repost_task"("agency_id", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "alert_dedupe_key_key" ON "alert"("dedupe_key");

-- CreateIndex
CREATE INDEX "alert_acknowledged_at_created_at_idx" ON "alert"("acknowledged_at", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "role_grant_agency_id_idx" ON "role_grant"("agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "role_grant_user_id_role_agency_id_key" ON "role_grant"("user_id", "role", "agency_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "auth_account_user_id_idx" ON "auth_account"("user_id");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rate_limit_key_key" ON "rate_limit"("key");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_at_idx" ON "audit_log"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_at_idx" ON "audit_log"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "agency" ADD CONSTRAINT "agency_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_platform_code_fkey" FOREIGN KEY ("platform_code") REFERENCES "platform"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_credential_id_fkey" FOREIGN KEY ("credential_id") REFERENCES "platform_credential"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_lifecycle_event" ADD CONSTRAINT "account_lifecycle_event_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "platform_credential" ADD CONSTRAINT "platform_credential_platform_code_fkey" FOREIGN KEY ("platform_code") REFERENCES "platform"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crawl_run" ADD CONSTRAINT "crawl_run_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crawl_coverage" ADD CONSTRAINT "crawl_coverage_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crawl_coverage" ADD CONSTRAINT "crawl_coverage_crawl_run_id_fkey" FOREIGN KEY ("crawl_run_id") REFERENCES "crawl_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshot" ADD CONSTRAINT "snapshot_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshot" ADD CONSTRAINT "snapshot_crawl_run_id_fkey" FOREIGN KEY ("crawl_run_id") REFERENCES "crawl_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post" ADD CONSTRAINT "post_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "post_revision" ADD CONSTRAINT "post_revision_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_reply_to_comment_id_fkey" FOREIGN KEY ("reply_to_comment_id") REFERENCES "comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_release" ADD CONSTRAINT "app_release_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_listing" ADD CONSTRAINT "store_listing_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_check" ADD CONSTRAINT "link_check_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_edition" ADD CONSTRAINT "indicator_edition_based_on_id_fkey" FOREIGN KEY ("based_on_id") REFERENCES "indicator_edition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lexicon_entry" ADD CONSTRAINT "lexicon_entry_lexicon_id_fkey" FOREIGN KEY ("lexicon_id") REFERENCES "lexicon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_scope_agency_id_fkey" FOREIGN KEY ("scope_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "indicator_edition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score" ADD CONSTRAINT "score_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score" ADD CONSTRAINT "score_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score" ADD CONSTRAINT "score_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "indicator_edition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_score_id_fkey" FOREIGN KEY ("score_id") REFERENCES "score"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "indicator_edition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_app_release_id_fkey" FOREIGN KEY ("app_release_id") REFERENCES "app_release"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_store_listing_id_fkey" FOREIGN KEY ("store_listing_id") REFERENCES "store_listing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_link_check_id_fkey" FOREIGN KEY ("link_check_id") REFERENCES "link_check"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rectification" ADD CONSTRAINT "rectification_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rectification" ADD CONSTRAINT "rectification_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repost_task" ADD CONSTRAINT "repost_task_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repost_task_target" ADD CONSTRAINT "repost_task_target_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "repost_task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repost_task_target" ADD CONSTRAINT "repost_task_target_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "repost_task_target" ADD CONSTRAINT "repost_task_target_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "post"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_account" ADD CONSTRAINT "auth_account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Reference data: platforms are rows, so a new platform needs no schema change.
INSERT INTO "platform" ("code", "name_zh", "name_en", "kind", "capabilities", "sort_order") VALUES
  ('WEIBO', '微博', 'Weibo', 'SOCIAL', '{"comments":true,"repostCounts":true,"interactionFlag":true,"followers":true}', 10),
  ('WECHAT', '微信公众号', 'WeChat official account', 'MESSAGING', '{"comments":true,"repostCounts":false,"interactionFlag":true,"followers":false}', 20),
  ('APP_IOS', 'iOS 客户端', 'iOS app', 'APP_STORE', '{"releases":true,"rating":true,"lookalikes":true}', 30),
  ('APP_ANDROID', '安卓客户端', 'Android app', 'APP_STORE', '{"releases":true,"rating":true,"lookalikes":true}', 40),
  ('DOUYIN', '抖音', 'Douyin', 'VIDEO', '{"comments":false,"repostCounts":false,"followers":false}', 50),
  ('TOUTIAO', '今日头条', 'Toutiao', 'SOCIAL', '{"comments":false,"repostCounts":false,"followers":false}', 60),
  ('KUAISHOU', '快手', 'Kuaishou', 'VIDEO', '{"comments":false,"repostCounts":false,"followers":false}', 70),
  ('BILIBILI', '哔哩哔哩', 'Bilibili', 'VIDEO', '{"comments":false,"repostCounts":false,"followers":false}', 80),
  ('WECHAT_CHANNELS', '视频号', 'WeChat Channels', 'VIDEO', '{"comments":false,"repostCounts":false,"followers":false}', 90),
  ('RSS', 'RSS/Atom 订阅源', 'Feed', 'FEED', '{"comments":false,"metrics":false,"followers":false}', 100)
ON CONFLICT ("code") DO NOTHING;
