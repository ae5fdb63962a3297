-- Issue 22, finding 4: no accepted amount or rate may make a page fail. Conversions
-- and the worklist priority are computed in NUMERIC and kept inside bigint: a rate of
-- 0.0000000001 or an amount times 200 years of days used to raise "bigint out of range"
-- on /worklist, /today and the send plan. Beyond the bigint range the value is held at
-- its edge: the order still puts it first, which is all the number is for. The rounding
-- step is NUMERIC too (sign(bigint) is double precision, which made the whole sum a double).
CREATE OR REPLACE FUNCTION "dd_clamp_bigint"("value" NUMERIC) RETURNS BIGINT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT LEAST(GREATEST("value", -9223372036854775807), 9223372036854775807)::BIGINT
$$;

CREATE OR REPLACE FUNCTION "dd_convert_minor"("amount" BIGINT, "num" NUMERIC, "den" NUMERIC) RETURNS BIGINT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT dd_clamp_bigint(div("amount" * "num", "den")
    + CASE WHEN 2 * abs(mod("amount" * "num", "den")) > "den"
             OR (2 * abs(mod("amount" * "num", "den")) = "den" AND mod(div("amount" * "num", "den"), 2) <> 0)
           THEN sign("amount"::NUMERIC) ELSE 0 END)
$$;

-- Issue 22, finding 10: history_chain_flush runs as the owner (SECURITY DEFINER) and used
-- to write every head named in the session settings history.dirty and history.head_<org>,
-- which the app's role can set: SET LOCAL of another organization's head, then any
-- insert, moved that organization's head. Now it reads the statement's own inserted rows
-- (a transition table) and moves each organization's head forward to the last of them;
-- settings name nothing it writes.
CREATE OR REPLACE FUNCTION "history_chain_flush"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE "history_chain_heads" h SET "seq" = l."seq", "head_hash" = l."entry_hash"
    FROM (SELECT DISTINCT ON ("org_id") "org_id", "seq", "entry_hash" FROM "history_new_rows" ORDER BY "org_id", "seq" DESC) l
    WHERE h."org_id" = l."org_id" AND h."seq" < l."seq";
  PERFORM set_config('history.dirty', '', true);
  RETURN NULL;
END $$;

DO $$
DECLARE tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['letters', 'contact_attempts', 'audit_events', 'payment_promises', 'payment_plans',
                             'invoice_disputes', 'agency_handoffs', 'account_events'] LOOP
    EXECUTE format('DROP TRIGGER "history_chain_flush" ON %I', tbl);
    EXECUTE format('CREATE TRIGGER "history_chain_flush" AFTER INSERT ON %I REFERENCING NEW TABLE AS "history_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "history_chain_flush"()', tbl);
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION "history_protect"(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER "history_chain" BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION "history_chain_append"()', tbl);
  EXECUTE format('CREATE TRIGGER "history_chain_flush" AFTER INSERT ON %s REFERENCING NEW TABLE AS "history_new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "history_chain_flush"()', tbl);
  EXECUTE format('CREATE TRIGGER "history_append_only" BEFORE UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION "history_refuse_change"()', tbl);
  EXECUTE format('CREATE TRIGGER "history_no_truncate" BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_change"()', tbl);
END $$;

-- The per-row cache of the head (history.head_<org>) is a setting the caller can set too:
-- it is used only when it names the stored head or a row of this table this statement
-- already inserted (rows inserted earlier in a statement are visible to a BEFORE ROW
-- trigger), one unique-index lookup; anything else is ignored and the head row is read.
CREATE OR REPLACE FUNCTION "history_chain_append"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  org text := NEW."org_id"::text;
  setting text := 'history.head_' || replace(org, '-', '');
  cached text := coalesce(current_setting(setting, true), '');
  last_seq bigint;
  last_hash text;
  trusted boolean := false;
BEGIN
  IF cached ~ '^[0-9]{1,18}:[0-9a-f]{64}$' THEN
    last_seq := split_part(cached, ':', 1)::bigint;
    last_hash := split_part(cached, ':', 2);
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE "org_id" = $1 AND "seq" = $2 AND "entry_hash" = $3)', TG_TABLE_NAME)
      INTO trusted USING NEW."org_id", last_seq, last_hash;
    IF NOT trusted THEN
      SELECT EXISTS (SELECT 1 FROM "history_chain_heads" WHERE "org_id" = NEW."org_id" AND "seq" = last_seq AND "head_hash" = last_hash)
        INTO trusted;
    END IF;
  END IF;
  IF NOT trusted THEN
    SELECT "seq", "head_hash" INTO last_seq, last_hash FROM "history_chain_heads" WHERE "org_id" = NEW."org_id" FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO "history_chain_heads" ("org_id", "seq", "head_hash") VALUES (NEW."org_id", 0, repeat('0', 64))
        ON CONFLICT ("org_id") DO NOTHING;
      SELECT "seq", "head_hash" INTO last_seq, last_hash FROM "history_chain_heads" WHERE "org_id" = NEW."org_id" FOR UPDATE;
    END IF;
  END IF;
  NEW."seq" := last_seq + 1;
  NEW."prev_hash" := last_hash;
  NEW."entry_hash" := "history_entry_hash"(NEW."prev_hash", TG_TABLE_NAME, NEW."seq", "history_canonical"(NEW));
  PERFORM set_config(setting, NEW."seq"::text || ':' || NEW."entry_hash", true);
  RETURN NEW;
END $$;

-- Issue 22, finding 8: one delivery per send form's key (schema.prisma, LetterDelivery.idempotencyKey).
-- AlterTable
ALTER TABLE "letter_deliveries" ADD COLUMN     "idempotency_key" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "letter_deliveries_idempotency" ON "letter_deliveries"("org_id", "idempotency_key");
