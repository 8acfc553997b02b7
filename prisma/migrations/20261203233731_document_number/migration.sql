-- CreateTable
CREATE TABLE "document_number" (
    "id" UUID NOT NULL,
    "agency_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "period_code" TEXT NOT NULL,
    "issued_by_id" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_number_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "document_number_agency_id_kind_year_sequence_key" ON "document_number"("agency_id", "kind", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "document_number_agency_id_kind_period_code_key" ON "document_number"("agency_id", "kind", "period_code");

-- AddForeignKey
ALTER TABLE "document_number" ADD CONSTRAINT "document_number_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
