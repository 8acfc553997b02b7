-- Lexicons, their terms and indicator editions belong to an agency (docs/security.md, issue 13 item 6).
-- NULL owner = the root (reference data). A term with an agency is a local term scored only in that subtree.

-- DropIndex
DROP INDEX "lexicon_entry_lexicon_id_term_key";

-- AlterTable
ALTER TABLE "indicator_edition" ADD COLUMN     "owner_agency_id" UUID;

-- AlterTable
ALTER TABLE "lexicon" ADD COLUMN     "owner_agency_id" UUID;

-- AlterTable
ALTER TABLE "lexicon_entry" ADD COLUMN     "agency_id" UUID;

-- CreateIndex (NULLS NOT DISTINCT: one lexicon-wide entry per term; Prisma's schema cannot say it)
CREATE UNIQUE INDEX "lexicon_entry_lexicon_id_agency_id_term_key" ON "lexicon_entry"("lexicon_id", "agency_id", "term") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "indicator_edition" ADD CONSTRAINT "indicator_edition_owner_agency_id_fkey" FOREIGN KEY ("owner_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lexicon" ADD CONSTRAINT "lexicon_owner_agency_id_fkey" FOREIGN KEY ("owner_agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lexicon_entry" ADD CONSTRAINT "lexicon_entry_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE CASCADE ON UPDATE CASCADE;
