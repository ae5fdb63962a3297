-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "rf_references" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "rf_reference" TEXT;
