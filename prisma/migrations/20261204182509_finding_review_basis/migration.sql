-- AlterTable
ALTER TABLE "finding" ADD COLUMN     "review_basis" "FindingStatus";
