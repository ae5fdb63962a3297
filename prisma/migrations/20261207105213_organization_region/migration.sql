-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "region" TEXT NOT NULL DEFAULT '';
