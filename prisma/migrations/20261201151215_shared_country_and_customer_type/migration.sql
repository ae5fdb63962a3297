-- CreateEnum
CREATE TYPE "CustomerType" AS ENUM ('business', 'consumer', 'sole_trader');

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "country_code" CHAR(2) NOT NULL DEFAULT 'US',
ADD COLUMN     "registration_number" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "vat_number" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "country_code" CHAR(2),
ADD COLUMN     "registration_number" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "type" "CustomerType" NOT NULL DEFAULT 'business',
ADD COLUMN     "vat_number" TEXT NOT NULL DEFAULT '';

-- Backfill: the free-text country as written so far, in English or the country's own language.
UPDATE "organizations" SET "country_code" = CASE lower(trim("country"))
  WHEN 'norway' THEN 'NO' WHEN 'norge' THEN 'NO' WHEN 'no' THEN 'NO'
  WHEN 'italy' THEN 'IT' WHEN 'italia' THEN 'IT' WHEN 'it' THEN 'IT'
  WHEN 'united kingdom' THEN 'GB' WHEN 'uk' THEN 'GB' WHEN 'gb' THEN 'GB' WHEN 'great britain' THEN 'GB'
  ELSE 'US' END;
UPDATE "customers" SET "country_code" = CASE lower(trim("country"))
  WHEN 'norway' THEN 'NO' WHEN 'norge' THEN 'NO' WHEN 'no' THEN 'NO'
  WHEN 'italy' THEN 'IT' WHEN 'italia' THEN 'IT' WHEN 'it' THEN 'IT'
  WHEN 'united kingdom' THEN 'GB' WHEN 'uk' THEN 'GB' WHEN 'gb' THEN 'GB' WHEN 'great britain' THEN 'GB'
  WHEN 'united states' THEN 'US' WHEN 'usa' THEN 'US' WHEN 'us' THEN 'US' WHEN 'united states of america' THEN 'US'
  ELSE NULL END;
