-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "salutation" TEXT NOT NULL DEFAULT '';
