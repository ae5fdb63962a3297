-- DropIndex
DROP INDEX "invoices_org_id_number_key";

-- AlterTable
ALTER TABLE "imports" ADD COLUMN     "changes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "changes_confirmed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "preview" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "notices" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "import_mappings" ADD COLUMN     "options" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "invoices_org_id_number_idx" ON "invoices"("org_id", "number");

-- Hand-written: an invoice's identity. Numbers restart every year (Italy's
-- numerazione annuale, Norwegian systems) or per customer, so the bare number
-- is no longer unique. Whichever rule the organization matches imports by,
-- two invoices never share organization, customer, number and issue year.
-- date_part on a timestamp (the date cast) is immutable, so it can be indexed.
CREATE UNIQUE INDEX "invoices_identity" ON "invoices"
  ("org_id", "number", (date_part('year', "issue_date"::timestamp)), "customer_id");

-- Hand-written: imported payments named their invoice by number in their
-- import key ("ref:<number>:<reference>", "row:<number>|<date>|<amount>#n");
-- a number now names several invoices, so the key names the invoice's id.
UPDATE "payments" p
SET "import_key" = left(p."import_key", 4) || p."invoice_id"::text || substr(p."import_key", 5 + length(i."number"))
FROM "invoices" i
WHERE i."id" = p."invoice_id" AND p."import_key" IS NOT NULL
  AND substr(p."import_key", 5, length(i."number")) = i."number";
