-- CreateTable
CREATE TABLE "accounts" (
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "open_minor" BIGINT NOT NULL DEFAULT 0,
    "open_invoices" INTEGER NOT NULL DEFAULT 0,
    "oldest_open_due" DATE,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("customer_id","currency")
);

-- CreateTable
CREATE TABLE "account_work" (
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "work_kind" TEXT,
    "due_stage" SMALLINT,
    "overdue_minor" BIGINT NOT NULL DEFAULT 0,
    "oldest_overdue_due" DATE,
    "computed_on" DATE,
    "recheck_on" DATE,
    "stale" BOOLEAN NOT NULL DEFAULT true,
    "priority" BIGINT,
    "priority_on" DATE,

    CONSTRAINT "account_work_pkey" PRIMARY KEY ("customer_id","currency")
);

-- CreateTable
CREATE TABLE "open_balances_by_due_date" (
    "org_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "due_date" DATE NOT NULL,
    "open_minor" BIGINT NOT NULL DEFAULT 0,
    "open_invoices" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "open_balances_by_due_date_pkey" PRIMARY KEY ("org_id","currency","due_date")
);

-- CreateIndex
CREATE INDEX "account_work_org_id_recheck_on_idx" ON "account_work"("org_id", "recheck_on");

-- CreateIndex
CREATE INDEX "account_work_org_id_computed_on_idx" ON "account_work"("org_id", "computed_on");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_work" ADD CONSTRAINT "account_work_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_work" ADD CONSTRAINT "account_work_customer_id_currency_fkey" FOREIGN KEY ("customer_id", "currency") REFERENCES "accounts"("customer_id", "currency") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "open_balances_by_due_date" ADD CONSTRAINT "open_balances_by_due_date_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the triggers that keep accounts current, its partial indexes,
-- and the backfill.

-- Aging totals count accounts per currency from here instead of a DISTINCT
-- over the open invoices (which cannot run in parallel and sorts).
CREATE INDEX "accounts_open_by_currency" ON "accounts" ("org_id", "currency")
  INCLUDE ("oldest_open_due")
  WHERE "open_minor" > 0;

-- The accounts table sorted by open balance, or by oldest days past due (the
-- default): page 1 reads the first rows of these.
CREATE INDEX "accounts_by_open_balance" ON "accounts" ("org_id", "open_minor" DESC) WHERE "open_minor" > 0;
CREATE INDEX "accounts_by_oldest_open_due" ON "accounts" ("org_id", "oldest_open_due") WHERE "open_minor" > 0;

-- Sorted by name, in the order people read (ICU root collation, as the report sorts).
CREATE INDEX "customers_by_name_icu" ON "customers" ("org_id", "name" COLLATE "und-x-icu");

-- The worklist in its order: page 1 reads the first rows of this index.
CREATE INDEX "account_work_order" ON "account_work" ("org_id", "priority" DESC)
  INCLUDE ("due_stage")
  WHERE "work_kind" IS NOT NULL;

-- Accounts on the worklist not yet ranked for today.
CREATE INDEX "account_work_ranked_on" ON "account_work" ("org_id", "priority_on")
  WHERE "work_kind" IS NOT NULL;

CREATE INDEX "account_work_stale" ON "account_work" ("org_id") WHERE "stale";

ALTER TABLE "account_work" ADD CONSTRAINT "account_work_kind" CHECK ("work_kind" IN ('letter', 'handoff', 'dispute', 'tracking'));
ALTER TABLE "account_work" ADD CONSTRAINT "account_work_due_stage" CHECK ("due_stage" BETWEEN 1 AND 4);

-- Recomputes the balances of the given accounts (creating missing rows) and
-- marks their work stale. Rows are locked in key order first, so concurrent
-- callers cannot deadlock; the recompute is a later statement, so under READ
-- COMMITTED it sees every change committed before the lock was granted.
CREATE FUNCTION "accounts_recompute_balances"(keys jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k_org uuid[];
  k_customer uuid[];
  k_currency char(3)[];
BEGIN
  SELECT array_agg(o ORDER BY c, cur), array_agg(c ORDER BY c, cur), array_agg(cur ORDER BY c, cur)
  INTO k_org, k_customer, k_currency
  FROM (SELECT DISTINCT (k->>'org_id')::uuid AS o, (k->>'customer_id')::uuid AS c, (k->>'currency')::char(3) AS cur FROM jsonb_array_elements(keys) k) d;
  IF k_customer IS NULL THEN RETURN; END IF;

  INSERT INTO accounts (org_id, customer_id, currency)
  SELECT * FROM unnest(k_org, k_customer, k_currency) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM accounts a JOIN unnest(k_customer, k_currency) AS k(customer_id, currency) USING (customer_id, currency)
  ORDER BY a.customer_id, a.currency FOR UPDATE OF a;

  UPDATE accounts a SET open_minor = s.open_minor, open_invoices = s.open_invoices, oldest_open_due = s.oldest_open_due
  FROM (
    SELECT k.customer_id, k.currency,
      COALESCE(sum(i.amount_minor - i.paid_minor), 0) AS open_minor, count(i.id)::int AS open_invoices, min(i.due_date) AS oldest_open_due
    FROM unnest(k_customer, k_currency) AS k(customer_id, currency)
    LEFT JOIN invoices i ON i.customer_id = k.customer_id AND i.currency = k.currency AND i.paid_minor < i.amount_minor
    GROUP BY k.customer_id, k.currency
  ) s
  WHERE a.customer_id = s.customer_id AND a.currency = s.currency;

  INSERT INTO account_work AS w (org_id, customer_id, currency)
  SELECT * FROM unnest(k_org, k_customer, k_currency)
  ON CONFLICT (customer_id, currency) DO UPDATE SET stale = true;
END $$;

-- Adds open-balance deltas per (org, currency, due date). Deltas commute, so
-- concurrent changes need no recompute; rows are taken in key order.
CREATE FUNCTION "open_balances_apply"(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_balances_by_due_date AS o (org_id, currency, due_date, open_minor, open_invoices)
  SELECT (d->>'org_id')::uuid, (d->>'currency')::char(3), (d->>'due_date')::date, sum((d->>'open')::bigint), sum((d->>'n')::int)
  FROM jsonb_array_elements(deltas) d
  GROUP BY 1, 2, 3
  HAVING sum((d->>'open')::bigint) <> 0 OR sum((d->>'n')::int) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, currency, due_date) DO UPDATE
    SET open_minor = o.open_minor + EXCLUDED.open_minor, open_invoices = o.open_invoices + EXCLUDED.open_invoices;
END $$;

-- Transition tables cannot be shared by INSERT/UPDATE/DELETE triggers, hence three.
CREATE FUNCTION "accounts_from_new_invoices"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM accounts_recompute_balances((SELECT jsonb_agg(DISTINCT jsonb_build_object('org_id', org_id, 'customer_id', customer_id, 'currency', currency)) FROM new_rows));
  PERFORM open_balances_apply((SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'currency', currency, 'due_date', due_date, 'open', amount_minor - paid_minor, 'n', 1))
    FROM new_rows WHERE paid_minor < amount_minor));
  RETURN NULL;
END $$;

CREATE FUNCTION "accounts_from_changed_invoices"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Old keys too: an invoice moved to another customer or currency changes both accounts.
  PERFORM accounts_recompute_balances((SELECT jsonb_agg(DISTINCT jsonb_build_object('org_id', org_id, 'customer_id', customer_id, 'currency', currency))
    FROM (SELECT org_id, customer_id, currency FROM new_rows UNION SELECT org_id, customer_id, currency FROM old_rows) r));
  PERFORM open_balances_apply((SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'currency', currency, 'due_date', due_date, 'open', open, 'n', n)) FROM (
    SELECT org_id, currency, due_date, amount_minor - paid_minor AS open, 1 AS n FROM new_rows WHERE paid_minor < amount_minor
    UNION ALL
    SELECT org_id, currency, due_date, paid_minor - amount_minor, -1 FROM old_rows WHERE paid_minor < amount_minor) d));
  RETURN NULL;
END $$;

CREATE FUNCTION "accounts_from_removed_invoices"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM accounts_recompute_balances((SELECT jsonb_agg(DISTINCT jsonb_build_object('org_id', org_id, 'customer_id', customer_id, 'currency', currency)) FROM old_rows));
  PERFORM open_balances_apply((SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'currency', currency, 'due_date', due_date, 'open', paid_minor - amount_minor, 'n', -1))
    FROM old_rows WHERE paid_minor < amount_minor));
  RETURN NULL;
END $$;

CREATE TRIGGER "accounts_invoices_insert" AFTER INSERT ON "invoices"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_from_new_invoices"();
CREATE TRIGGER "accounts_invoices_update" AFTER UPDATE ON "invoices"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_from_changed_invoices"();
CREATE TRIGGER "accounts_invoices_delete" AFTER DELETE ON "invoices"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_from_removed_invoices"();

-- Any other fact about a customer (letters, promises, plans, disputes, hand-offs,
-- account events, contacts, cases, payments) marks all its accounts' work stale, in key order.
CREATE FUNCTION "accounts_mark_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM account_work WHERE customer_id IN (SELECT customer_id FROM new_rows) ORDER BY customer_id, currency FOR UPDATE;
  UPDATE account_work SET stale = true WHERE customer_id IN (SELECT customer_id FROM new_rows) AND NOT stale;
  RETURN NULL;
END $$;

CREATE FUNCTION "accounts_protect_facts"(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER "accounts_stale_insert" AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_mark_stale"()', tbl);
  EXECUTE format('CREATE TRIGGER "accounts_stale_update" AFTER UPDATE ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_mark_stale"()', tbl);
  EXECUTE format('CREATE TRIGGER "accounts_stale_delete" AFTER DELETE ON %s REFERENCING OLD TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_mark_stale"()', tbl);
END $$;

SELECT accounts_protect_facts(t) FROM unnest(ARRAY[
  'payments', 'letters', 'payment_promises', 'payment_plans', 'invoice_disputes',
  'agency_handoffs', 'account_events', 'contact_attempts', 'collection_cases'
]::regclass[]) t;

-- The stage timing changed: every account of the organization is judged again.
CREATE FUNCTION "accounts_policy_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE account_work SET stale = true WHERE org_id = NEW.org_id AND NOT stale;
  RETURN NULL;
END $$;
CREATE TRIGGER "accounts_policy_changed" AFTER INSERT OR UPDATE ON "collection_policies"
  FOR EACH ROW EXECUTE FUNCTION "accounts_policy_changed"();

-- Backfill: every account that has an invoice, stale (the worklist computes the rest).
INSERT INTO accounts (org_id, customer_id, currency, open_minor, open_invoices, oldest_open_due)
SELECT org_id, customer_id, currency,
  COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE paid_minor < amount_minor), 0),
  count(*) FILTER (WHERE paid_minor < amount_minor),
  min(due_date) FILTER (WHERE paid_minor < amount_minor)
FROM invoices GROUP BY org_id, customer_id, currency;

INSERT INTO open_balances_by_due_date (org_id, currency, due_date, open_minor, open_invoices)
SELECT org_id, currency, due_date, sum(amount_minor - paid_minor), count(*)
FROM invoices WHERE paid_minor < amount_minor GROUP BY org_id, currency, due_date;

INSERT INTO account_work (org_id, customer_id, currency) SELECT org_id, customer_id, currency FROM accounts;
