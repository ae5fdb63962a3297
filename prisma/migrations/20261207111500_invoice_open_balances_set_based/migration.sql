-- Issue 23, bench: every payment changes its invoice's paid_minor, and that UPDATE of
-- invoices fires accounts_from_changed_invoices once per statement. The trigger handed its
-- open-balance deltas to open_balances_apply as one jsonb object per changed row and back
-- (jsonb_agg, then jsonb_array_elements): for a 40,000-payment bank statement, 80,000 jsonb
-- objects built and read again. The same deltas are now summed straight from the transition
-- tables (same grouping, same key order, same HAVING): the trigger's time for 20,000
-- invoices fell from 2.5-3.3 s to 1.5-2.0 s at load 21-22 (EXPLAIN ANALYZE). The account
-- keys still go through accounts_recompute_balances, which takes them as jsonb (a few
-- thousand distinct accounts at most; UNION already makes them distinct).
CREATE OR REPLACE FUNCTION "accounts_from_changed_invoices"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Old keys too: an invoice moved to another customer or currency changes both accounts.
  PERFORM accounts_recompute_balances((SELECT jsonb_agg(jsonb_build_object('org_id', org_id, 'customer_id', customer_id, 'currency', currency))
    FROM (SELECT org_id, customer_id, currency FROM new_rows UNION SELECT org_id, customer_id, currency FROM old_rows) r));
  INSERT INTO open_balances_by_due_date AS o (org_id, currency, due_date, open_minor, open_invoices)
  SELECT org_id, currency, due_date, sum(open), sum(n) FROM (
    SELECT org_id, currency, due_date, amount_minor - paid_minor AS open, 1 AS n FROM new_rows WHERE paid_minor < amount_minor
    UNION ALL
    SELECT org_id, currency, due_date, paid_minor - amount_minor, -1 FROM old_rows WHERE paid_minor < amount_minor) d
  GROUP BY 1, 2, 3
  HAVING sum(open) <> 0 OR sum(n) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (org_id, currency, due_date) DO UPDATE
    SET open_minor = o.open_minor + EXCLUDED.open_minor, open_invoices = o.open_invoices + EXCLUDED.open_invoices;
  RETURN NULL;
END $$;
