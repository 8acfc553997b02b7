-- CreateIndex
CREATE INDEX "finding_is_veto_created_at_id_idx" ON "finding"("is_veto", "created_at", "id");

-- CreateIndex
CREATE INDEX "finding_status_is_veto_created_at_id_idx" ON "finding"("status", "is_veto", "created_at", "id");
