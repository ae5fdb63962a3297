-- Issue 23 §4: an invoices file's "amount still owed" books what was paid before the
-- import as payments of source 'before_import' (lib/imports/kinds/invoices.ts). They
-- settle the invoice, but nobody collected them while the organization used Dunning Desk:
-- collected_by_day (the dashboard's "collected this month") leaves them out, and so does
-- a reversal of one.
CREATE OR REPLACE FUNCTION "collected_by_day_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "collected_by_day" AS c ("org_id", "currency", "day", "collected_minor", "payments")
    SELECT "org_id", "currency", "received_on", -sum("amount_minor"), -count(*) FROM old_rows
    WHERE "source" <> 'before_import'
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("org_id", "currency", "day") DO UPDATE
      SET "collected_minor" = c."collected_minor" + EXCLUDED."collected_minor", "payments" = c."payments" + EXCLUDED."payments";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "collected_by_day" AS c ("org_id", "currency", "day", "collected_minor", "payments")
    SELECT "org_id", "currency", "received_on", sum("amount_minor"), count(*) FROM new_rows
    WHERE "source" <> 'before_import'
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("org_id", "currency", "day") DO UPDATE
      SET "collected_minor" = c."collected_minor" + EXCLUDED."collected_minor", "payments" = c."payments" + EXCLUDED."payments";
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "collected_by_day_reversals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "collected_by_day" AS c ("org_id", "currency", "day", "collected_minor", "payments")
  SELECT n."org_id", n."currency", n."effective_on", -sum(n."amount_minor"), 0 FROM new_rows n
  WHERE n."kind" = 'PAYMENT_REVERSAL'
    AND NOT EXISTS (SELECT 1 FROM "payments" p WHERE p."id" = n."payment_id" AND p."source" = 'before_import')
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("org_id", "currency", "day") DO UPDATE SET "collected_minor" = c."collected_minor" + EXCLUDED."collected_minor";
  RETURN NULL;
END $$;

-- Opening payments written before this migration (source 'import', key 'opening:…'): the
-- update trigger above takes them out of collected_by_day. A reversed one is history and
-- stays as it is (payments_keep_reversed refuses the update).
UPDATE "payments" p SET "source" = 'before_import'
WHERE p."source" = 'import' AND p."import_key" LIKE 'opening:%'
  AND NOT EXISTS (SELECT 1 FROM "ledger_entries" e WHERE e."payment_id" = p."id" AND e."kind" = 'PAYMENT_REVERSAL');
