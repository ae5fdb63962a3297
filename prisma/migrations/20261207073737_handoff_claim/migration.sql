-- AlterTable
ALTER TABLE "agency_handoffs" ADD COLUMN     "claim" JSONB,
ADD COLUMN     "included_reason" TEXT;
