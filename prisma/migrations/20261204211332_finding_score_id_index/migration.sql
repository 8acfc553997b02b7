-- CreateIndex
CREATE INDEX "finding_score_id_idx" ON "finding"("score_id");
