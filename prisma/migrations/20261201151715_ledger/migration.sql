-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('CREDIT_NOTE', 'WRITE_OFF', 'PAYMENT_REVERSAL', 'CREDIT_APPLIED');

-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'credit_notes';

-- AlterTable
ALTER TABLE "payments" ALTER COLUMN "invoice_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "invoice_id" UUID,
    "payment_id" UUID,
    "amount_minor" BIGINT NOT NULL,
    "number" TEXT,
    "reason" TEXT NOT NULL,
    "effective_on" DATE NOT NULL,
    "import_key" TEXT,
    "entered_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "due_date_extensions" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "previous_due_date" DATE NOT NULL,
    "new_due_date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "recorded_on" DATE NOT NULL,
    "entered_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "due_date_extensions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ledger_entries_invoice_id_effective_on_idx" ON "ledger_entries"("invoice_id", "effective_on");

-- CreateIndex
CREATE INDEX "ledger_entries_customer_id_currency_idx" ON "ledger_entries"("customer_id", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_org_id_import_key_key" ON "ledger_entries"("org_id", "import_key");

-- CreateIndex
CREATE INDEX "due_date_extensions_invoice_id_recorded_on_idx" ON "due_date_extensions"("invoice_id", "recorded_on");

-- CreateIndex
CREATE INDEX "invoices_by_org_issue_date" ON "invoices"("org_id", "issue_date");

-- CreateIndex
CREATE INDEX "payments_by_org_received_on" ON "payments"("org_id", "received_on");

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "due_date_extensions" ADD CONSTRAINT "due_date_extensions_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "due_date_extensions" ADD CONSTRAINT "due_date_extensions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "due_date_extensions" ADD CONSTRAINT "due_date_extensions_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "due_date_extensions" ADD CONSTRAINT "due_date_extensions_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: what the ledger's rows must be, the triggers that move the
-- invoices and the accounts with them, and the append-only guard.

ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_kind_fields" CHECK (CASE "kind"
  WHEN 'CREDIT_NOTE' THEN "number" IS NOT NULL AND "payment_id" IS NULL
  WHEN 'WRITE_OFF' THEN "invoice_id" IS NOT NULL AND "payment_id" IS NULL AND "number" IS NULL
  WHEN 'CREDIT_APPLIED' THEN "invoice_id" IS NOT NULL AND "payment_id" IS NULL AND "number" IS NULL
  WHEN 'PAYMENT_REVERSAL' THEN "payment_id" IS NOT NULL AND "number" IS NULL
END);
ALTER TABLE "due_date_extensions" ADD CONSTRAINT "due_date_extensions_later" CHECK ("new_due_date" > "previous_due_date");

-- A credit note's number is its own, once per organization.
CREATE UNIQUE INDEX "ledger_credit_note_number" ON "ledger_entries" ("org_id", "number") WHERE "kind" = 'CREDIT_NOTE';
-- A payment is reversed at most once, whoever clicks first (idempotency by constraint).
CREATE UNIQUE INDEX "ledger_one_reversal_per_payment" ON "ledger_entries" ("payment_id") WHERE "kind" = 'PAYMENT_REVERSAL';
-- Unapplied cash of an account (payments naming no invoice): small, read for the account credit.
CREATE INDEX "payments_unapplied" ON "payments" ("customer_id", "currency") WHERE "invoice_id" IS NULL;
-- The report's credit per currency: unapplied cash, and the ledger entries that
-- move account credit (unallocated credit notes, reversed unapplied cash, applied credit).
CREATE INDEX "payments_unapplied_by_org" ON "payments" ("org_id", "currency") INCLUDE ("amount_minor", "received_on") WHERE "invoice_id" IS NULL;
CREATE INDEX "ledger_account_credit" ON "ledger_entries" ("org_id", "currency") INCLUDE ("kind", "amount_minor", "effective_on")
  WHERE "invoice_id" IS NULL OR "kind" = 'CREDIT_APPLIED';

-- invoices.paid_minor is "settled to date": payments plus credit notes,
-- write-offs and applied credit, less reversed payments. Its CHECK
-- (0 <= paid_minor <= amount_minor) refuses an over-credit even from a writer
-- that skipped the app's own check; the row lock serializes racing writers.
CREATE FUNCTION "ledger_sync_invoice_settled"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."invoice_id" IS NOT NULL THEN
    UPDATE "invoices"
    SET "paid_minor" = "paid_minor" + CASE WHEN NEW."kind" = 'PAYMENT_REVERSAL' THEN -NEW."amount_minor" ELSE NEW."amount_minor" END
    WHERE "id" = NEW."invoice_id";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "ledger_sync_invoice_settled" AFTER INSERT ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_sync_invoice_settled"();

-- An extension moves the invoice's due date; the accounts and open-balance
-- statement triggers on invoices then move its balance to the new date.
CREATE FUNCTION "due_date_extension_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "invoices" SET "due_date" = NEW."new_due_date" WHERE "id" = NEW."invoice_id";
  RETURN NULL;
END $$;
CREATE TRIGGER "due_date_extension_apply" AFTER INSERT ON "due_date_extensions"
  FOR EACH ROW EXECUTE FUNCTION "due_date_extension_apply"();

-- Append-only for every role, as the evidence tables are.
CREATE FUNCTION "ledger_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only; record a correcting entry instead (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'P0001', HINT = 'Insert a new entry (credit note, reversal) that corrects the earlier one.';
END $$;
CREATE TRIGGER "ledger_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "ledger_no_truncate" BEFORE TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "ledger_append_only" BEFORE UPDATE OR DELETE ON "due_date_extensions" FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "ledger_no_truncate" BEFORE TRUNCATE ON "due_date_extensions" FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();

-- A reversed payment is history: an import may no longer change or remove it.
CREATE FUNCTION "payments_keep_reversed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "ledger_entries" WHERE "payment_id" = OLD."id" AND "kind" = 'PAYMENT_REVERSAL') THEN
    RAISE EXCEPTION 'payment % was reversed; it cannot be changed (% on payments)', OLD."id", TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER "payments_keep_reversed" BEFORE UPDATE OR DELETE ON "payments" FOR EACH ROW EXECUTE FUNCTION "payments_keep_reversed"();

-- New facts for the worklist: mark the customer's accounts stale, like payments.
SELECT accounts_protect_facts(t) FROM unnest(ARRAY['ledger_entries', 'due_date_extensions']::regclass[]) t;
