-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "base_currency" CHAR(3) NOT NULL DEFAULT 'USD';

-- AlterTable
ALTER TABLE "account_work" ADD COLUMN     "unrated_currency" CHAR(3);

-- CreateTable
CREATE TABLE "exchange_rates" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "base_currency" CHAR(3) NOT NULL,
    "rate" DECIMAL(22,10) NOT NULL,
    "valid_on" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "entered_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exchange_rates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "exchange_rates_latest" ON "exchange_rates"("org_id", "base_currency", "currency", "valid_on" DESC, "created_at" DESC);

-- AddForeignKey
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the base currency of existing organizations, the rates' checks
-- and append-only guard, the conversion in SQL, and the orders that use it.

-- An organization compares amounts in the currency it already invoices by default.
UPDATE "organizations" SET "base_currency" = "default_currency";

ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_positive" CHECK ("rate" > 0);
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_not_base" CHECK ("currency" <> "base_currency");

-- Rates are dated evidence for the orders the pages show: a correction is a new row.
CREATE FUNCTION "exchange_rates_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'exchange rates are append-only; enter a correcting rate for the same day instead (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER "exchange_rates_append_only" BEFORE UPDATE OR DELETE ON "exchange_rates" FOR EACH ROW EXECUTE FUNCTION "exchange_rates_refuse_change"();
CREATE TRIGGER "exchange_rates_no_truncate" BEFORE TRUNCATE ON "exchange_rates" FOR EACH STATEMENT EXECUTE FUNCTION "exchange_rates_refuse_change"();

-- amount * num / den rounded half to even, in integers: the same arithmetic as
-- convertToBase in lib/rates/convert.ts (num, den > 0 are whole numbers the
-- rate table computes from each currency's minor unit). One expression, so the
-- planner inlines it.
CREATE FUNCTION "dd_convert_minor"("amount" BIGINT, "num" NUMERIC, "den" NUMERIC) RETURNS BIGINT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (div("amount" * "num", "den")
    + CASE WHEN 2 * abs(mod("amount" * "num", "den")) > "den"
             OR (2 * abs(mod("amount" * "num", "den")) = "den" AND mod(div("amount" * "num", "den"), 2) <> 0)
           THEN sign("amount") ELSE 0 END)::BIGINT
$$;

-- The worklist: converted accounts first (unrated_currency null), then the
-- accounts without a rate, per currency; page 1 reads the first rows.
DROP INDEX "account_work_order";
CREATE INDEX "account_work_order" ON "account_work" ("org_id", "unrated_currency" NULLS FIRST, "priority" DESC)
  INCLUDE ("due_stage")
  WHERE "work_kind" IS NOT NULL;

-- The accounts table sorted by open balance across currencies walks each
-- currency's largest balances (list-accounts.ts) and merges them converted.
DROP INDEX "accounts_by_open_balance";
CREATE INDEX "accounts_by_open_balance" ON "accounts" ("org_id", "currency", "open_minor" DESC) WHERE "open_minor" > 0;

-- A new rate or a new base currency changes the worklist's order today: its
-- accounts are ranked again on the next read (rankForToday ranks every row
-- whose priority_on is not today; -infinity keeps that an index range scan of
-- account_work_ranked_on, where NULL would need a seq scan), in the writer's
-- transaction, as the fact triggers mark rows stale.
CREATE FUNCTION "exchange_rates_rerank"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only the accounts in the currencies that got a rate (a rate for a past or
  -- future day too: cheaper to rank again than to work out whether it is today's).
  UPDATE "account_work" w SET "priority_on" = '-infinity'
  WHERE (w."org_id", w."currency") IN (SELECT DISTINCT n."org_id", n."currency" FROM new_rows n)
    AND w."work_kind" IS NOT NULL AND w."priority_on" > '-infinity';
  RETURN NULL;
END $$;
CREATE TRIGGER "exchange_rates_rerank" AFTER INSERT ON "exchange_rates"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "exchange_rates_rerank"();
-- (A trigger with a column list cannot see a transition table: per row here, organizations change rarely.)
CREATE FUNCTION "organizations_base_currency_rerank"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "account_work" w SET "priority_on" = '-infinity'
  WHERE w."org_id" = NEW."id" AND w."work_kind" IS NOT NULL AND w."priority_on" > '-infinity';
  RETURN NULL;
END $$;
CREATE TRIGGER "organizations_base_currency_rerank" AFTER UPDATE OF "base_currency" ON "organizations"
  FOR EACH ROW WHEN (OLD."base_currency" IS DISTINCT FROM NEW."base_currency")
  EXECUTE FUNCTION "organizations_base_currency_rerank"();
