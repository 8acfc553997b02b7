-- AlterTable
ALTER TABLE "crawl_coverage" ADD COLUMN     "facts" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "crawl_run" ADD COLUMN     "facts_read" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Backfill from what the stored runs prove they read (docs/scoring.md "What counts as read"): a coverage window
-- means posts, comments seen mean comments were requested, a snapshot means the profile, an app crawl that did not
-- fail means the store listing. A run that saw no comment proves nothing about comments: left unread.
UPDATE "crawl_run" r SET "facts_read" = array_remove(ARRAY[
    CASE WHEN r."coverage_from" IS NOT NULL THEN 'posts' END,
    CASE WHEN r."comments_seen" > 0 THEN 'comments' END,
    CASE WHEN EXISTS (SELECT 1 FROM "snapshot" s WHERE s."crawl_run_id" = r."id") THEN 'profile' END,
    CASE WHEN r."status" <> 'FAILED' AND EXISTS (SELECT 1 FROM "account" a WHERE a."id" = r."account_id" AND a."platform_code" IN ('APP_IOS', 'APP_ANDROID')) THEN 'listing' END
  ], NULL);

UPDATE "crawl_coverage" c SET "facts" = r."facts_read"
  FROM "crawl_run" r WHERE r."id" = c."crawl_run_id" AND c."status" <> 'FAILED';
