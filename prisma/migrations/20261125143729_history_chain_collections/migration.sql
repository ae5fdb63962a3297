-- AlterTable
ALTER TABLE "payment_promises" ADD COLUMN     "entry_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "payment_plans" ADD COLUMN     "entry_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "invoice_disputes" ADD COLUMN     "entry_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "agency_handoffs" ADD COLUMN     "entry_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "account_events" ADD COLUMN     "entry_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- Appends rows that existed before this migration to their organization's
-- chain, after its current head, in time order (as 20261125140900_history_chain
-- did for the first history tables). Their seq follows the entries already
-- chained, so seq is the order of recording in the chain, not of creation.
DO $$
DECLARE
  r record;
  head "history_chain_heads"%ROWTYPE;
  content text;
  hash text;
BEGIN
  FOR r IN
    SELECT 'payment_plans' AS tbl, "id", "org_id", "created_at" AS at FROM "payment_plans"
    UNION ALL SELECT 'payment_promises', "id", "org_id", "created_at" FROM "payment_promises"
    UNION ALL SELECT 'invoice_disputes', "id", "org_id", "created_at" FROM "invoice_disputes"
    UNION ALL SELECT 'agency_handoffs', "id", "org_id", "created_at" FROM "agency_handoffs"
    UNION ALL SELECT 'account_events', "id", "org_id", "created_at" FROM "account_events"
    ORDER BY "org_id", at, tbl, "id"
  LOOP
    INSERT INTO "history_chain_heads" VALUES (r."org_id", 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    SELECT * INTO head FROM "history_chain_heads" WHERE "org_id" = r."org_id";
    EXECUTE format('UPDATE %I t SET "seq" = $1, "prev_hash" = $2 WHERE "id" = $3 RETURNING "history_canonical"(t.*)', r.tbl)
      INTO content USING head."seq" + 1, head."head_hash", r."id";
    hash := "history_entry_hash"(head."head_hash", r.tbl, head."seq" + 1, content);
    EXECUTE format('UPDATE %I SET "entry_hash" = $1 WHERE "id" = $2', r.tbl) USING hash, r."id";
    UPDATE "history_chain_heads" SET "seq" = head."seq" + 1, "head_hash" = hash WHERE "org_id" = r."org_id";
  END LOOP;
END $$;

-- CreateIndex
CREATE UNIQUE INDEX "payment_promises_chain_position" ON "payment_promises"("org_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "payment_plans_chain_position" ON "payment_plans"("org_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_disputes_chain_position" ON "invoice_disputes"("org_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "agency_handoffs_chain_position" ON "agency_handoffs"("org_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "account_events_chain_position" ON "account_events"("org_id", "seq");

-- Promises, plans, disputes, hand-offs and account events are evidence like
-- letters: append-only and in the organization's hash chain (lib/history/README.md).
SELECT "history_protect"('payment_promises');
SELECT "history_protect"('payment_plans');
SELECT "history_protect"('invoice_disputes');
SELECT "history_protect"('agency_handoffs');
SELECT "history_protect"('account_events');
