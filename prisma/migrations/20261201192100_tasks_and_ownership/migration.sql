-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "assigned_user_id" UUID;

-- CreateTable
CREATE TABLE "follow_ups" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "due_on" DATE NOT NULL,
    "note" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "done_at" TIMESTAMPTZ(3),
    "done_by_id" UUID,
    "contact_id" UUID,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by_id" UUID,

    CONSTRAINT "follow_ups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "internal_notes" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "internal_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "follow_ups_contact_id_key" ON "follow_ups"("contact_id");

-- CreateIndex
CREATE INDEX "follow_ups_customer_id_due_on_idx" ON "follow_ups"("customer_id", "due_on");

-- CreateIndex
CREATE INDEX "internal_notes_customer_id_created_at_idx" ON "internal_notes"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "customers_org_id_assigned_user_id_idx" ON "customers"("org_id", "assigned_user_id");

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_assigned_user_id_fkey" FOREIGN KEY ("assigned_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_done_by_id_fkey" FOREIGN KEY ("done_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_cancelled_by_id_fkey" FOREIGN KEY ("cancelled_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contact_attempts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (schema.prisma cannot express them).

-- A follow-up ends once: done (by whom, with the contact it led to) or cancelled (by whom), never both.
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_ends_once" CHECK (
  ("done_at" IS NULL OR ("done_by_id" IS NOT NULL AND "contact_id" IS NOT NULL AND "cancelled_at" IS NULL))
  AND ("cancelled_at" IS NULL OR ("cancelled_by_id" IS NOT NULL AND "done_at" IS NULL))
);

-- Append-only in spirit: no deletes; an open follow-up may be closed once (done or
-- cancelled) and nothing else about it may change, before or after.
CREATE FUNCTION "follow_ups_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'follow_ups are never deleted: cancel the follow-up instead';
  END IF;
  IF OLD."done_at" IS NOT NULL OR OLD."cancelled_at" IS NOT NULL THEN
    RAISE EXCEPTION 'follow-up % is closed and cannot change', OLD."id";
  END IF;
  IF (NEW."id", NEW."org_id", NEW."customer_id", NEW."due_on", NEW."note", NEW."created_by_id", NEW."created_at")
     IS DISTINCT FROM
     (OLD."id", OLD."org_id", OLD."customer_id", OLD."due_on", OLD."note", OLD."created_by_id", OLD."created_at") THEN
    RAISE EXCEPTION 'a follow-up''s day and note never change: cancel it and plan a new one';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "follow_ups_guard" BEFORE UPDATE OR DELETE ON "follow_ups"
  FOR EACH ROW EXECUTE FUNCTION "follow_ups_guard"();

-- Internal notes are append-only.
CREATE FUNCTION "internal_notes_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'internal_notes are append-only: add a new note instead';
END $$;
CREATE TRIGGER "internal_notes_append_only" BEFORE UPDATE OR DELETE ON "internal_notes"
  FOR EACH ROW EXECUTE FUNCTION "internal_notes_refuse_change"();

-- Today, "call-backs due": an organization's open follow-ups up to today.
CREATE INDEX "follow_ups_open_due" ON "follow_ups" ("org_id", "due_on")
  WHERE "done_at" IS NULL AND "cancelled_at" IS NULL;

-- Today, "promises due today" and "promises broken": an organization's promises by date.
CREATE INDEX "payment_promises_by_org_date" ON "payment_promises" ("org_id", "promised_for");

-- Today, "disputes awaiting an answer": an organization's disputes (the resolved ones
-- are found through account_events_one_resolution_per_dispute).
CREATE INDEX "invoice_disputes_by_org_opened" ON "invoice_disputes" ("org_id", "opened_on");

-- Today, "failed deliveries": each letter's newest delivery request, per organization.
CREATE INDEX "letter_deliveries_newest_by_org" ON "letter_deliveries" ("org_id", "letter_id", "requested_at" DESC, "id" DESC);

-- Today, "letters due" reads account_work_order (it includes due_stage).
