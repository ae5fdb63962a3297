-- AlterTable
ALTER TABLE "letters" ADD COLUMN     "protocol_forms" JSONB;
