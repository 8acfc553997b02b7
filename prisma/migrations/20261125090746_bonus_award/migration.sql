-- CreateTable
CREATE TABLE "bonus_award" (
    "id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "item_code" TEXT NOT NULL,
    "item_name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "awarded_at" TIMESTAMPTZ(3) NOT NULL,
    "awarded_by_id" TEXT,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bonus_award_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bonus_award_account_id_awarded_at_idx" ON "bonus_award"("account_id", "awarded_at");

-- AddForeignKey
ALTER TABLE "bonus_award" ADD CONSTRAINT "bonus_award_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
