-- CreateEnum
CREATE TYPE "AccountEventKind" AS ENUM ('PROMISE_BROKEN', 'DISPUTE_RESOLVED', 'REGISTERED_MAIL_TRACKING', 'CASE_CLOSED');

-- AlterTable
ALTER TABLE "letters" ADD COLUMN     "override_reason" TEXT,
ADD COLUMN     "reason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "registered_mail" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "collection_policies" (
    "org_id" UUID NOT NULL,
    "letter1_after_due_days" INTEGER NOT NULL DEFAULT 1,
    "letter2_after_days" INTEGER NOT NULL DEFAULT 14,
    "letter3_after_days" INTEGER NOT NULL DEFAULT 14,
    "letter4_after_deadline_days" INTEGER NOT NULL DEFAULT 1,
    "deadline_days1" INTEGER NOT NULL DEFAULT 14,
    "deadline_days2" INTEGER NOT NULL DEFAULT 14,
    "deadline_days3" INTEGER NOT NULL DEFAULT 14,
    "deadline_days4" INTEGER NOT NULL DEFAULT 14,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collection_policies_pkey" PRIMARY KEY ("org_id")
);

-- CreateTable
CREATE TABLE "payment_promises" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "plan_id" UUID,
    "currency" CHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "made_on" DATE NOT NULL,
    "promised_for" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_promises_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_plans" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_disputes" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "opened_on" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agency_handoffs" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "agency" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "handed_over_on" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agency_handoffs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_events" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "case_id" UUID,
    "kind" "AccountEventKind" NOT NULL,
    "promise_id" UUID,
    "dispute_id" UUID,
    "letter_id" UUID,
    "reference" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "occurred_on" DATE NOT NULL,
    "user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "payment_promises_case_id_promised_for_idx" ON "payment_promises"("case_id", "promised_for");

-- CreateIndex
CREATE INDEX "payment_plans_case_id_idx" ON "payment_plans"("case_id");

-- CreateIndex
CREATE INDEX "invoice_disputes_customer_id_opened_on_idx" ON "invoice_disputes"("customer_id", "opened_on");

-- CreateIndex
CREATE INDEX "invoice_disputes_invoice_id_idx" ON "invoice_disputes"("invoice_id");

-- CreateIndex
CREATE UNIQUE INDEX "agency_handoffs_case_id_key" ON "agency_handoffs"("case_id");

-- CreateIndex
CREATE INDEX "account_events_customer_id_created_at_idx" ON "account_events"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "account_events_letter_id_idx" ON "account_events"("letter_id");

-- AddForeignKey
ALTER TABLE "collection_policies" ADD CONSTRAINT "collection_policies_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_policies" ADD CONSTRAINT "collection_policies_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "collection_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "payment_plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "collection_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_disputes" ADD CONSTRAINT "invoice_disputes_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_disputes" ADD CONSTRAINT "invoice_disputes_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_disputes" ADD CONSTRAINT "invoice_disputes_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_disputes" ADD CONSTRAINT "invoice_disputes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_handoffs" ADD CONSTRAINT "agency_handoffs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_handoffs" ADD CONSTRAINT "agency_handoffs_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_handoffs" ADD CONSTRAINT "agency_handoffs_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "collection_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_handoffs" ADD CONSTRAINT "agency_handoffs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "collection_cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_promise_id_fkey" FOREIGN KEY ("promise_id") REFERENCES "payment_promises"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "invoice_disputes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: what schema.prisma cannot express.
-- ---------------------------------------------------------------------------

-- Opening a case is idempotent: at most one open case per account (customer +
-- currency); a closed case stays as history and a later overdue invoice opens a
-- new one. Also serves "the open case of an account".
CREATE UNIQUE INDEX "collection_cases_one_open_per_account" ON "collection_cases" ("customer_id", "currency")
  WHERE "closed_at" IS NULL;

-- A promise is broken once, a dispute resolved once, a case closed once.
CREATE UNIQUE INDEX "account_events_one_breach_per_promise" ON "account_events" ("promise_id")
  WHERE "kind" = 'PROMISE_BROKEN';
CREATE UNIQUE INDEX "account_events_one_resolution_per_dispute" ON "account_events" ("dispute_id")
  WHERE "kind" = 'DISPUTE_RESOLVED';
CREATE UNIQUE INDEX "account_events_one_close_per_case" ON "account_events" ("case_id")
  WHERE "kind" = 'CASE_CLOSED';

ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_date_order" CHECK ("promised_for" >= "made_on");
ALTER TABLE "agency_handoffs" ADD CONSTRAINT "agency_handoffs_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "letters" ADD CONSTRAINT "letters_override_reason_written" CHECK ("override_reason" IS NULL OR length(btrim("override_reason")) >= 5);
ALTER TABLE "collection_policies" ADD CONSTRAINT "collection_policies_days_sane" CHECK (
  "letter1_after_due_days" BETWEEN 1 AND 365 AND "letter2_after_days" BETWEEN 1 AND 365 AND
  "letter3_after_days" BETWEEN 1 AND 365 AND "letter4_after_deadline_days" BETWEEN 1 AND 365 AND
  "deadline_days1" BETWEEN 1 AND 90 AND "deadline_days2" BETWEEN 1 AND 90 AND
  "deadline_days3" BETWEEN 1 AND 90 AND "deadline_days4" BETWEEN 1 AND 90);
-- Contact channels are letter, email and phone only (the enum); the outcome must fit the channel.
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_outcome_fits_channel" CHECK (
  ("channel" = 'PHONE' AND "outcome" IN ('NO_ANSWER', 'VOICEMAIL', 'SPOKE')) OR
  ("channel" IN ('EMAIL', 'LETTER') AND "outcome" IN ('SENT', 'DELIVERED', 'DELIVERY_FAILED', 'REPLIED')));
