-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "current_minor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "customer_name" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "d1_30_minor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "d31_60_minor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "d61_90_minor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "d90_plus_minor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "last_contact_at" TIMESTAMPTZ(3),
ADD COLUMN     "open_stage" SMALLINT;

-- CreateTable
CREATE TABLE "accounts_bucket_days" (
    "org_id" UUID NOT NULL,
    "day" DATE,

    CONSTRAINT "accounts_bucket_days_pkey" PRIMARY KEY ("org_id")
);

-- AddForeignKey
ALTER TABLE "accounts_bucket_days" ADD CONSTRAINT "accounts_bucket_days_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "open_accounts_by_oldest_due" (
    "org_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "oldest_open_due" DATE NOT NULL,
    "accounts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "open_accounts_by_oldest_due_pkey" PRIMARY KEY ("org_id","currency","oldest_open_due")
);

-- AddForeignKey
ALTER TABLE "open_accounts_by_oldest_due" ADD CONSTRAINT "open_accounts_by_oldest_due_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: every column of the report's accounts table sorts from an index
-- (issue 15). The sort keys live in `accounts` beside the balances the invoice
-- triggers keep; the functions below keep them exact in the same transaction as
-- each change. Lock order everywhere: the organization's accounts_bucket_days row
-- (FOR SHARE; the daily roll takes it FOR UPDATE), then accounts rows in key order.

-- Every organization has its row from the start, so that the lock above always
-- finds one (a missing row could not be locked, and a roll could slip past).
INSERT INTO accounts_bucket_days (org_id) SELECT id FROM organizations ON CONFLICT DO NOTHING;
CREATE FUNCTION "accounts_bucket_day_for_new_org"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO accounts_bucket_days (org_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "accounts_bucket_day_for_new_org" AFTER INSERT ON "organizations"
  FOR EACH ROW EXECUTE FUNCTION "accounts_bucket_day_for_new_org"();

CREATE FUNCTION "accounts_share_bucket_days"(orgs uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM accounts_bucket_days WHERE org_id = ANY(orgs) ORDER BY org_id FOR SHARE;
$$;

-- The balances of the given accounts (creating missing rows), now with their
-- bucket amounts as of the organization's bucket day (zero while it has none:
-- the report then aggregates instead), and a new row's name, last contact and
-- stage. Replaces the accounts migration's version; same locking, day row first.
CREATE OR REPLACE FUNCTION "accounts_recompute_balances"(keys jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  before jsonb;
  k_org uuid[];
  k_customer uuid[];
  k_currency char(3)[];
BEGIN
  SELECT array_agg(o ORDER BY c, cur), array_agg(c ORDER BY c, cur), array_agg(cur ORDER BY c, cur)
  INTO k_org, k_customer, k_currency
  FROM (SELECT DISTINCT (k->>'org_id')::uuid AS o, (k->>'customer_id')::uuid AS c, (k->>'currency')::char(3) AS cur FROM jsonb_array_elements(keys) k) d;
  IF k_customer IS NULL THEN RETURN; END IF;

  PERFORM accounts_share_bucket_days(k_org);
  INSERT INTO accounts (org_id, customer_id, currency, customer_name, last_contact_at, open_stage)
  SELECT k.o, k.c, k.cur, cu.name,
    (SELECT max(ca.occurred_at) FROM contact_attempts ca WHERE ca.customer_id = k.c),
    (SELECT max(l.stage) FROM collection_cases cc JOIN letters l ON l.case_id = cc.id
     WHERE cc.customer_id = k.c AND cc.currency = k.cur AND cc.closed_at IS NULL)
  FROM unnest(k_org, k_customer, k_currency) AS k(o, c, cur) JOIN customers cu ON cu.id = k.c
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM accounts a JOIN unnest(k_customer, k_currency) AS k(customer_id, currency) USING (customer_id, currency)
  ORDER BY a.customer_id, a.currency FOR UPDATE OF a;
  -- The open accounts' oldest due dates before (rows locked, so exact); counted out below and the new ones in.
  SELECT jsonb_agg(jsonb_build_object('org_id', a.org_id, 'currency', a.currency, 'due', a.oldest_open_due, 'n', -1)) INTO before
  FROM accounts a JOIN unnest(k_customer, k_currency) AS k(customer_id, currency) USING (customer_id, currency)
  WHERE a.open_minor > 0;

  UPDATE accounts a SET open_minor = s.open_minor, open_invoices = s.open_invoices, oldest_open_due = s.oldest_open_due,
    current_minor = s.b0, d1_30_minor = s.b1, d31_60_minor = s.b2, d61_90_minor = s.b3, d90_plus_minor = s.b4
  FROM (
    SELECT k.customer_id, k.currency,
      COALESCE(sum(i.amount_minor - i.paid_minor), 0) AS open_minor, count(i.id)::int AS open_invoices, min(i.due_date) AS oldest_open_due,
      -- The edges of lib/aging/bucket-sql.ts, as of the bucket day.
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date >= d.day), 0) AS b0,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < d.day AND i.due_date >= d.day - 30), 0) AS b1,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < d.day - 30 AND i.due_date >= d.day - 60), 0) AS b2,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < d.day - 60 AND i.due_date >= d.day - 90), 0) AS b3,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < d.day - 90), 0) AS b4
    FROM unnest(k_org, k_customer, k_currency) AS k(org_id, customer_id, currency)
    LEFT JOIN accounts_bucket_days d ON d.org_id = k.org_id
    LEFT JOIN invoices i ON i.customer_id = k.customer_id AND i.currency = k.currency AND i.paid_minor < i.amount_minor
    GROUP BY k.customer_id, k.currency
  ) s
  WHERE a.customer_id = s.customer_id AND a.currency = s.currency;

  PERFORM open_accounts_apply(COALESCE(before, '[]'::jsonb) || COALESCE((
    SELECT jsonb_agg(jsonb_build_object('org_id', a.org_id, 'currency', a.currency, 'due', a.oldest_open_due, 'n', 1))
    FROM accounts a JOIN unnest(k_customer, k_currency) AS k(customer_id, currency) USING (customer_id, currency)
    WHERE a.open_minor > 0), '[]'::jsonb));

  INSERT INTO account_work AS w (org_id, customer_id, currency)
  SELECT * FROM unnest(k_org, k_customer, k_currency)
  ON CONFLICT (customer_id, currency) DO UPDATE SET stale = true;
END $$;

-- Adds open-account count deltas per (org, currency, oldest open due date);
-- like open_balances_apply, deltas commute and rows are taken in key order.
CREATE FUNCTION "open_accounts_apply"(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_accounts_by_oldest_due AS o (org_id, currency, oldest_open_due, accounts)
  SELECT (d->>'org_id')::uuid, (d->>'currency')::char(3), (d->>'due')::date, sum((d->>'n')::int)
  FROM jsonb_array_elements(deltas) d
  GROUP BY 1, 2, 3
  HAVING sum((d->>'n')::int) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, currency, oldest_open_due) DO UPDATE SET accounts = o.accounts + EXCLUDED.accounts;
END $$;

-- Sets the bucket amounts of an organization's accounts as of p_day: all of
-- them (p_customer null) or the listed ones, writing only rows that change.
CREATE FUNCTION "accounts_set_buckets"(p_org uuid, p_day date, p_customer uuid[], p_currency char(3)[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE n integer;
BEGIN
  UPDATE accounts a SET current_minor = s.b0, d1_30_minor = s.b1, d31_60_minor = s.b2, d61_90_minor = s.b3, d90_plus_minor = s.b4
  FROM (
    SELECT k.customer_id, k.currency,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date >= p_day), 0) AS b0,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < p_day AND i.due_date >= p_day - 30), 0) AS b1,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < p_day - 30 AND i.due_date >= p_day - 60), 0) AS b2,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < p_day - 60 AND i.due_date >= p_day - 90), 0) AS b3,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < p_day - 90), 0) AS b4
    FROM accounts k
    LEFT JOIN invoices i ON i.customer_id = k.customer_id AND i.currency = k.currency AND i.paid_minor < i.amount_minor
    WHERE k.org_id = p_org
      AND (p_customer IS NULL OR (k.customer_id, k.currency) IN (SELECT * FROM unnest(p_customer, p_currency)))
    GROUP BY k.customer_id, k.currency
  ) s
  WHERE a.customer_id = s.customer_id AND a.currency = s.currency
    AND (a.current_minor, a.d1_30_minor, a.d31_60_minor, a.d61_90_minor, a.d90_plus_minor) IS DISTINCT FROM (s.b0, s.b1, s.b2, s.b3, s.b4);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- Moves an organization's bucket day to p_day (its today). From yesterday only
-- the accounts with an open invoice whose due date crossed a bucket edge change
-- (about 4 due dates in 730); after a longer gap, a time-zone change or the
-- first time, every account is recomputed. Returns the rows written. Run by the
-- worker's hourly task (lib/aging/roll-bucket-day.ts); safe to run concurrently.
CREATE FUNCTION "accounts_roll_buckets"(p_org uuid, p_day date) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  r date;
  n integer;
BEGIN
  INSERT INTO accounts_bucket_days (org_id) VALUES (p_org) ON CONFLICT DO NOTHING;
  SELECT day INTO r FROM accounts_bucket_days WHERE org_id = p_org FOR UPDATE;
  IF r = p_day THEN RETURN 0; END IF;
  IF r IS NULL OR r > p_day OR p_day - r > 30 THEN
    n := accounts_set_buckets(p_org, p_day, NULL, NULL);
  ELSE
    SELECT accounts_set_buckets(p_org, p_day, COALESCE(array_agg(customer_id), '{}'), COALESCE(array_agg(currency), '{}')) INTO n
    FROM (
      SELECT DISTINCT customer_id, currency FROM invoices
      WHERE org_id = p_org AND paid_minor < amount_minor AND (
        (due_date >= r AND due_date < p_day) OR (due_date >= r - 30 AND due_date < p_day - 30)
        OR (due_date >= r - 60 AND due_date < p_day - 60) OR (due_date >= r - 90 AND due_date < p_day - 90))
    ) crossed;
  END IF;
  UPDATE accounts_bucket_days SET day = p_day WHERE org_id = p_org;
  RETURN n;
END $$;

-- Last contact: contacts are append-only, so the newest only moves forward.
CREATE FUNCTION "accounts_from_new_contacts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM accounts_share_bucket_days(ARRAY(SELECT DISTINCT org_id FROM new_rows));
  PERFORM 1 FROM accounts WHERE customer_id IN (SELECT customer_id FROM new_rows) ORDER BY customer_id, currency FOR UPDATE;
  UPDATE accounts a SET last_contact_at = n.last_at
  FROM (SELECT customer_id, max(occurred_at) AS last_at FROM new_rows GROUP BY customer_id) n
  WHERE a.customer_id = n.customer_id AND (a.last_contact_at IS NULL OR a.last_contact_at < n.last_at);
  RETURN NULL;
END $$;
CREATE TRIGGER "accounts_sort_contacts" AFTER INSERT ON "contact_attempts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_from_new_contacts"();

-- Stage: the highest letter stage in the account's open case; a letter or a
-- case opened or closed changes it.
CREATE FUNCTION "accounts_recompute_stage"(p_org uuid[], p_customer uuid[], p_currency char(3)[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM accounts_share_bucket_days(p_org);
  PERFORM 1 FROM accounts a JOIN unnest(p_customer, p_currency) AS k(customer_id, currency) USING (customer_id, currency)
  ORDER BY a.customer_id, a.currency FOR UPDATE OF a;
  UPDATE accounts a SET open_stage = s.stage
  FROM (
    SELECT k.customer_id, k.currency,
      (SELECT max(l.stage) FROM collection_cases cc JOIN letters l ON l.case_id = cc.id
       WHERE cc.customer_id = k.customer_id AND cc.currency = k.currency AND cc.closed_at IS NULL)::smallint AS stage
    FROM (SELECT DISTINCT * FROM unnest(p_customer, p_currency)) AS k(customer_id, currency)
  ) s
  WHERE a.customer_id = s.customer_id AND a.currency = s.currency AND a.open_stage IS DISTINCT FROM s.stage;
END $$;
CREATE FUNCTION "accounts_stage_from_letters"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM accounts_recompute_stage(ARRAY(SELECT DISTINCT org_id FROM new_rows),
    ARRAY(SELECT customer_id FROM new_rows), ARRAY(SELECT currency FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER "accounts_sort_letters" AFTER INSERT ON "letters"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_stage_from_letters"();
CREATE TRIGGER "accounts_sort_cases_insert" AFTER INSERT ON "collection_cases"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_stage_from_letters"();
CREATE TRIGGER "accounts_sort_cases_update" AFTER UPDATE ON "collection_cases"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "accounts_stage_from_letters"();

-- The customer's name, for the name tiebreak in the sort indexes.
CREATE FUNCTION "accounts_from_renamed_customer"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM accounts_share_bucket_days(ARRAY[NEW.org_id]);
  UPDATE accounts SET customer_name = NEW.name WHERE customer_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "accounts_sort_customer_name" AFTER UPDATE OF "name" ON "customers"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION "accounts_from_renamed_customer"();

-- Backfill; the buckets come with the first roll.
INSERT INTO open_accounts_by_oldest_due (org_id, currency, oldest_open_due, accounts)
SELECT org_id, currency, oldest_open_due, count(*) FROM accounts WHERE open_minor > 0 GROUP BY 1, 2, 3;
UPDATE accounts a SET customer_name = c.name FROM customers c WHERE c.id = a.customer_id;
UPDATE accounts a SET last_contact_at = l.last_at
FROM (SELECT customer_id, max(occurred_at) AS last_at FROM contact_attempts GROUP BY customer_id) l WHERE l.customer_id = a.customer_id;
UPDATE accounts a SET open_stage = s.stage
FROM (SELECT cc.customer_id, cc.currency, max(l.stage)::smallint AS stage FROM collection_cases cc JOIN letters l ON l.case_id = cc.id
      WHERE cc.closed_at IS NULL GROUP BY cc.customer_id, cc.currency) s
WHERE a.customer_id = s.customer_id AND a.currency = s.currency;

-- One index per sortable column over the open accounts, in the table's full
-- order (key, then name in reading order, currency, customer): ascending reads
-- a page straight off the index; descending walks it backwards and takes the
-- page WITH TIES on the key before the name order is applied.
CREATE INDEX "accounts_sort_current" ON "accounts" ("org_id", "current_minor", "customer_name" COLLATE "und-x-icu", "currency", "customer_id") WHERE "open_minor" > 0;
CREATE INDEX "accounts_sort_d1_30" ON "accounts" ("org_id", "d1_30_minor", "customer_name" COLLATE "und-x-icu", "currency", "customer_id") WHERE "open_minor" > 0;
CREATE INDEX "accounts_sort_d31_60" ON "accounts" ("org_id", "d31_60_minor", "customer_name" COLLATE "und-x-icu", "currency", "customer_id") WHERE "open_minor" > 0;
CREATE INDEX "accounts_sort_d61_90" ON "accounts" ("org_id", "d61_90_minor", "customer_name" COLLATE "und-x-icu", "currency", "customer_id") WHERE "open_minor" > 0;
CREATE INDEX "accounts_sort_d90_plus" ON "accounts" ("org_id", "d90_plus_minor", "customer_name" COLLATE "und-x-icu", "currency", "customer_id") WHERE "open_minor" > 0;
-- NULLS FIRST: ascending puts accounts never contacted / with no letter first, and the backward walk puts them last.
CREATE INDEX "accounts_sort_last_contact" ON "accounts" ("org_id", "last_contact_at" NULLS FIRST, "customer_name" COLLATE "und-x-icu", "currency", "customer_id") WHERE "open_minor" > 0;
CREATE INDEX "accounts_sort_stage" ON "accounts" ("org_id", "open_stage" NULLS FIRST, "customer_name" COLLATE "und-x-icu", "currency", "customer_id") WHERE "open_minor" > 0;
-- Name: the accounts' own copy, so the name sort needs no join to find its page.
CREATE INDEX "accounts_sort_name" ON "accounts" ("org_id", "customer_name" COLLATE "und-x-icu", "currency", "customer_id") WHERE "open_minor" > 0;
-- Stage has four values and most open accounts none: ties are the rule, so
-- descending (highest stage first, the usual question) gets its own index in full order too.
CREATE INDEX "accounts_sort_stage_desc" ON "accounts" ("org_id", "open_stage" DESC NULLS LAST, "customer_name" COLLATE "und-x-icu", "currency", "customer_id") WHERE "open_minor" > 0;
