-- CreateEnum
CREATE TYPE "BankStatementStatus" AS ENUM ('queued', 'processing', 'processed', 'failed');

-- CreateEnum
CREATE TYPE "BankLineStatus" AS ENUM ('matched', 'review', 'ignored', 'resolved');

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "kid_length" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kid_mode" TEXT NOT NULL DEFAULT 'off',
ADD COLUMN     "payments_stale_after_days" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "bank_line_id" UUID,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'hand';

-- CreateTable
CREATE TABLE "bank_statements" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "file_name" TEXT NOT NULL DEFAULT '',
    "content_type" TEXT NOT NULL DEFAULT '',
    "byte_size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "duplicate_of_id" UUID,
    "status" "BankStatementStatus" NOT NULL DEFAULT 'queued',
    "format" TEXT NOT NULL DEFAULT '',
    "account_iban" TEXT NOT NULL DEFAULT '',
    "from_date" DATE,
    "to_date" DATE,
    "lines_count" INTEGER NOT NULL DEFAULT 0,
    "matched_count" INTEGER NOT NULL DEFAULT 0,
    "review_count" INTEGER NOT NULL DEFAULT 0,
    "duplicates_count" INTEGER NOT NULL DEFAULT 0,
    "ignored_count" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "bank_statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_lines" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "entry_ref" TEXT NOT NULL DEFAULT '',
    "booking_date" DATE NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "credit" BOOLEAN NOT NULL,
    "status" "BankLineStatus" NOT NULL,
    "rule" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "payer_name" TEXT NOT NULL DEFAULT '',
    "payer_account" TEXT NOT NULL DEFAULT '',
    "structured_ref" TEXT NOT NULL DEFAULT '',
    "remittance_text" TEXT NOT NULL DEFAULT '',
    "suggestions" JSONB NOT NULL DEFAULT '[]',
    "customer_id" UUID,
    "resolved_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bank_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paid_claims" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "paid_on" DATE NOT NULL,
    "amount_minor" BIGINT,
    "reference" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "settled_at" TIMESTAMPTZ(3),
    "settled_by_id" UUID,
    "settled_reason" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "paid_claims_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bank_statements_org_id_to_date_idx" ON "bank_statements"("org_id", "to_date");

-- CreateIndex
CREATE INDEX "bank_statements_org_id_sha256_idx" ON "bank_statements"("org_id", "sha256");

-- CreateIndex
CREATE INDEX "bank_lines_org_id_status_booking_date_idx" ON "bank_lines"("org_id", "status", "booking_date");

-- CreateIndex
CREATE INDEX "bank_lines_org_id_payer_account_idx" ON "bank_lines"("org_id", "payer_account");

-- CreateIndex
CREATE INDEX "bank_lines_statement_id_idx" ON "bank_lines"("statement_id");

-- CreateIndex
CREATE UNIQUE INDEX "bank_lines_org_id_dedupe_key_key" ON "bank_lines"("org_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "paid_claims_customer_id_currency_idx" ON "paid_claims"("customer_id", "currency");

-- CreateIndex
CREATE INDEX "payments_bank_line_id_idx" ON "payments"("bank_line_id");

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_bank_line_id_fkey" FOREIGN KEY ("bank_line_id") REFERENCES "bank_lines"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_lines" ADD CONSTRAINT "bank_lines_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "bank_statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paid_claims" ADD CONSTRAINT "paid_claims_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paid_claims" ADD CONSTRAINT "paid_claims_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A "we paid on X" claim holds the account's next letter: its work is judged again (worklist, letters).
SELECT accounts_protect_facts('paid_claims'::regclass);
