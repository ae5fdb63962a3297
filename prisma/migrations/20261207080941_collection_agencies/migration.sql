-- AlterTable
ALTER TABLE "agency_handoffs" ADD COLUMN     "agency_id" UUID;

-- CreateTable
CREATE TABLE "collection_agencies" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "payment_details" TEXT NOT NULL DEFAULT '',
    "reference_format" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collection_agencies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "collection_agencies_one_name_per_org" ON "collection_agencies"("org_id", "name");

-- AddForeignKey
ALTER TABLE "agency_handoffs" ADD CONSTRAINT "agency_handoffs_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "collection_agencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_agencies" ADD CONSTRAINT "collection_agencies_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
