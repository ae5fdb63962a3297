-- Issue 23, bench: invoices.paid_minor was kept by a FOR EACH ROW trigger on payments.
-- Each payment row ran its own UPDATE of invoices, and each of those UPDATE statements
-- fired invoices' statement-level account triggers (accounts_recompute_balances and
-- open_balances_apply) again, so recording 40,000 matched bank lines cost ~15 ms a row
-- (33 lines/s). The same sum is now kept once per statement from the transition tables:
-- one UPDATE of invoices per INSERT/UPDATE/DELETE of payments, whatever its row count,
-- hence one run of the account triggers. The invariant is unchanged
-- (paid_minor = payments + ledger entries), the CHECK (0 <= paid_minor <= amount_minor)
-- still holds on every statement's end state, and payments_keep_reversed (per row,
-- BEFORE UPDATE/DELETE) still refuses to change a reversed payment.
DROP TRIGGER "payments_sync_invoice_paid" ON "payments";
DROP FUNCTION "payments_sync_invoice_paid"();

-- Adds each invoice's change of one statement (new rows add, old rows take off).
-- Invoices are locked in id order first, so two statements paying the same
-- invoices queue instead of deadlocking on the UPDATE's arbitrary row order.
CREATE FUNCTION "payments_apply_paid_delta"(invoice_ids uuid[], deltas bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(invoice_ids), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "invoices" WHERE "id" = ANY(invoice_ids) ORDER BY "id" FOR UPDATE;
  UPDATE "invoices" i SET "paid_minor" = i."paid_minor" + d."delta"
  FROM unnest(invoice_ids, deltas) AS d("invoice_id", "delta")
  WHERE i."id" = d."invoice_id";
END $$;

CREATE FUNCTION "payments_sync_invoice_paid_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[]; sums bigint[];
BEGIN
  SELECT array_agg("invoice_id"), array_agg(s) INTO ids, sums FROM (
    SELECT "invoice_id", sum("amount_minor")::bigint AS s FROM "payments_new" WHERE "invoice_id" IS NOT NULL GROUP BY 1) t
  WHERE s <> 0;
  PERFORM "payments_apply_paid_delta"(ids, sums);
  RETURN NULL;
END $$;

CREATE FUNCTION "payments_sync_invoice_paid_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[]; sums bigint[];
BEGIN
  SELECT array_agg("invoice_id"), array_agg(s) INTO ids, sums FROM (
    SELECT "invoice_id", -sum("amount_minor")::bigint AS s FROM "payments_old" WHERE "invoice_id" IS NOT NULL GROUP BY 1) t
  WHERE s <> 0;
  PERFORM "payments_apply_paid_delta"(ids, sums);
  RETURN NULL;
END $$;

-- An update may move a payment to another invoice: both invoices change.
CREATE FUNCTION "payments_sync_invoice_paid_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[]; sums bigint[];
BEGIN
  SELECT array_agg("invoice_id"), array_agg(s) INTO ids, sums FROM (
    SELECT "invoice_id", sum(a)::bigint AS s FROM (
      SELECT "invoice_id", "amount_minor" AS a FROM "payments_new" WHERE "invoice_id" IS NOT NULL
      UNION ALL
      SELECT "invoice_id", -"amount_minor" FROM "payments_old" WHERE "invoice_id" IS NOT NULL) c
    GROUP BY 1) t
  WHERE s <> 0;
  PERFORM "payments_apply_paid_delta"(ids, sums);
  RETURN NULL;
END $$;

CREATE TRIGGER "payments_sync_invoice_paid_insert" AFTER INSERT ON "payments"
  REFERENCING NEW TABLE AS "payments_new" FOR EACH STATEMENT EXECUTE FUNCTION "payments_sync_invoice_paid_insert"();
CREATE TRIGGER "payments_sync_invoice_paid_update" AFTER UPDATE ON "payments"
  REFERENCING OLD TABLE AS "payments_old" NEW TABLE AS "payments_new" FOR EACH STATEMENT EXECUTE FUNCTION "payments_sync_invoice_paid_update"();
CREATE TRIGGER "payments_sync_invoice_paid_delete" AFTER DELETE ON "payments"
  REFERENCING OLD TABLE AS "payments_old" FOR EACH STATEMENT EXECUTE FUNCTION "payments_sync_invoice_paid_delete"();
