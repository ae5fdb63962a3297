-- AlterTable
ALTER TABLE "letters" ADD COLUMN     "entry_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "contact_attempts" ADD COLUMN     "corrects_id" UUID,
ADD COLUMN     "entry_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "entry_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" CHAR(64) NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "history_chain_heads" (
    "org_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL DEFAULT 0,
    "head_hash" CHAR(64) NOT NULL,

    CONSTRAINT "history_chain_heads_pkey" PRIMARY KEY ("org_id")
);

-- AddForeignKey
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_corrects_id_fkey" FOREIGN KEY ("corrects_id") REFERENCES "contact_attempts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "history_chain_heads" ADD CONSTRAINT "history_chain_heads_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: a tamper-evident, append-only history (lib/history/README.md).
--
-- One hash chain per organization runs through every history table (letters,
-- contact_attempts, audit_events, and later ones that call history_protect()).
-- Entry n stores seq = n, prev_hash = entry_hash of entry n-1 (64 zeros for the
-- first) and
--   entry_hash = hex(sha256(utf8(prev_hash || '\n' || table || '\n' || seq || '\n' || content)))
-- where content = history_canonical(row), defined below. The database computes
-- it on insert, so no code path can write an unchained entry.
-- ---------------------------------------------------------------------------

-- Canonical content of a history row: the whole row as jsonb, minus the chain
-- columns and minus NULL values, rendered as jsonb text. jsonb orders keys
-- deterministically (by length, then bytes) and renders timestamps as ISO 8601;
-- the SET clause makes them UTC ("+00:00") whatever the session time zone.
-- Leaving out NULLs lets a history table gain a NULLable column later without
-- changing the hashes of the rows already there.
CREATE FUNCTION "history_canonical"(entry anyelement) RETURNS text
  LANGUAGE sql STABLE SET timezone TO 'UTC'
  AS $$ SELECT jsonb_strip_nulls(to_jsonb(entry) - 'seq' - 'prev_hash' - 'entry_hash')::text $$;

-- PostgreSQL's built-in sha256(bytea): no extension needed.
CREATE FUNCTION "history_entry_hash"(prev_hash text, table_name text, seq bigint, content text) RETURNS char(64)
  LANGUAGE sql IMMUTABLE STRICT
  AS $$ SELECT encode(sha256(convert_to(prev_hash || E'\n' || table_name || E'\n' || seq::text || E'\n' || content, 'UTF8')), 'hex') $$;

-- BEFORE INSERT: chains the new row. The first entry of an organization in a
-- transaction locks the organization's head row until commit, so concurrent
-- inserts of one organization take turns (seq order is commit order, and a
-- rollback leaves no gap) while other organizations never wait. Within the
-- transaction the head is carried in a transaction-local setting and written
-- back once per statement (history_chain_flush): updating the head row once per
-- inserted row would make a bulk insert quadratic (every update adds a row
-- version the next one must walk past). Must be the last BEFORE INSERT trigger
-- on its table (triggers fire in name order), so nothing changes NEW after it
-- is hashed.
CREATE FUNCTION "history_chain_append"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org text := NEW."org_id"::text;
  setting text := 'history.head_' || replace(org, '-', '');
  cached text := coalesce(current_setting(setting, true), '');
  dirty text := coalesce(current_setting('history.dirty', true), '');
  last_seq bigint;
  last_hash text;
BEGIN
  IF cached = '' THEN
    SELECT "seq", "head_hash" INTO last_seq, last_hash FROM "history_chain_heads" WHERE "org_id" = NEW."org_id" FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO "history_chain_heads" ("org_id", "seq", "head_hash") VALUES (NEW."org_id", 0, repeat('0', 64))
        ON CONFLICT ("org_id") DO NOTHING;
      SELECT "seq", "head_hash" INTO last_seq, last_hash FROM "history_chain_heads" WHERE "org_id" = NEW."org_id" FOR UPDATE;
    END IF;
  ELSE
    last_seq := split_part(cached, ':', 1)::bigint;
    last_hash := split_part(cached, ':', 2);
  END IF;
  NEW."seq" := last_seq + 1;
  NEW."prev_hash" := last_hash;
  NEW."entry_hash" := "history_entry_hash"(NEW."prev_hash", TG_TABLE_NAME, NEW."seq", "history_canonical"(NEW));
  PERFORM set_config(setting, NEW."seq"::text || ':' || NEW."entry_hash", true);
  IF position(org IN dirty) = 0 THEN
    PERFORM set_config('history.dirty', dirty || org || ',', true);
  END IF;
  RETURN NEW;
END $$;

-- AFTER INSERT, once per statement: stores the heads the statement advanced.
CREATE FUNCTION "history_chain_flush"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org text;
  cached text;
BEGIN
  FOREACH org IN ARRAY string_to_array(rtrim(coalesce(current_setting('history.dirty', true), ''), ','), ',') LOOP
    cached := current_setting('history.head_' || replace(org, '-', ''));
    UPDATE "history_chain_heads" SET "seq" = split_part(cached, ':', 1)::bigint, "head_hash" = split_part(cached, ':', 2)
      WHERE "org_id" = org::uuid;
  END LOOP;
  PERFORM set_config('history.dirty', '', true);
  RETURN NULL;
END $$;

-- BEFORE UPDATE/DELETE (per row) and TRUNCATE (per statement): refused for
-- everyone, the app's own role included. Corrections are new rows that point
-- at what they correct (contact_attempts.corrects_id).
CREATE FUNCTION "history_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'contact history is append-only; record a correction instead (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'P0001', HINT = 'Insert a new entry that points to the one it corrects.';
END $$;

-- Puts a table under the guard and into the chain. The table needs org_id,
-- seq bigint, prev_hash char(64) and entry_hash char(64) columns and a unique
-- index on (org_id, seq). A later history table joins with one line:
--   SELECT "history_protect"('promises');
-- Only the table's owner (or a superuser) can lift the guard, and only on
-- purpose, e.g. for the tamper test:
--   ALTER TABLE "contact_attempts" DISABLE TRIGGER "history_append_only";
-- The app should connect as a role that does not own these tables.
CREATE FUNCTION "history_protect"(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER "history_chain" BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION "history_chain_append"()', tbl);
  EXECUTE format('CREATE TRIGGER "history_chain_flush" AFTER INSERT ON %s FOR EACH STATEMENT EXECUTE FUNCTION "history_chain_flush"()', tbl);
  EXECUTE format('CREATE TRIGGER "history_append_only" BEFORE UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION "history_refuse_change"()', tbl);
  EXECUTE format('CREATE TRIGGER "history_no_truncate" BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_change"()', tbl);
END $$;

-- Chains rows that existed before this migration, per organization in time order.
DO $$
DECLARE
  r record;
  head "history_chain_heads"%ROWTYPE;
  content text;
  hash text;
BEGIN
  FOR r IN
    SELECT 'letters' AS tbl, "id", "org_id", "sent_at" AS at FROM "letters"
    UNION ALL SELECT 'contact_attempts', "id", "org_id", "created_at" FROM "contact_attempts"
    UNION ALL SELECT 'audit_events', "id", "org_id", "created_at" FROM "audit_events"
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

-- History verification walks each organization's chain in seq order (merge of these three).
CREATE UNIQUE INDEX "letters_chain_position" ON "letters"("org_id", "seq");
CREATE UNIQUE INDEX "contact_attempts_chain_position" ON "contact_attempts"("org_id", "seq");
CREATE UNIQUE INDEX "audit_events_chain_position" ON "audit_events"("org_id", "seq");

SELECT "history_protect"('letters');
SELECT "history_protect"('contact_attempts');
SELECT "history_protect"('audit_events');
