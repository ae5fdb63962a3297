-- Hand-written: partial indexes, which schema.prisma cannot express. Measured
-- at 1,000,000 invoices (README, "Performance").

-- Aging totals: open invoices in (currency, customer) order, so the DISTINCT
-- account counts per currency read the index presorted and need no sort (which
-- spilled ~16 MB to disk at 1M). Covering, so no heap visits.
CREATE INDEX "invoices_open_by_currency" ON "invoices" ("org_id", "currency", "customer_id")
  INCLUDE ("due_date", "amount_minor", "paid_minor")
  WHERE "paid_minor" < "amount_minor";

-- Accounts table sorted by most overdue first (the default): open invoices
-- oldest due date first, so page 1 reads a short prefix of this index instead
-- of aggregating every account. Also the order a worklist wants.
CREATE INDEX "invoices_open_by_due_date" ON "invoices" ("org_id", "due_date")
  INCLUDE ("customer_id", "currency")
  WHERE "paid_minor" < "amount_minor";
