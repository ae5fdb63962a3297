-- CreateEnum
CREATE TYPE "PreferredChannel" AS ENUM ('post', 'email');

-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "dunning_paused_reason" TEXT,
ADD COLUMN     "dunning_paused_until" DATE,
ADD COLUMN     "preferred_channel" "PreferredChannel" NOT NULL DEFAULT 'post';

-- CreateTable
CREATE TABLE "setup_codes" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "code_sha256" CHAR(64) NOT NULL,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setup_codes_pkey" PRIMARY KEY ("id")
);

-- Hand-written (Prisma cannot express these).

-- One setup code per server at most.
ALTER TABLE "setup_codes" ADD CONSTRAINT "setup_codes_single_row" CHECK ("id" = 1);

-- A paused customer has a reason; an end date alone means nothing.
ALTER TABLE "customers" ADD CONSTRAINT "customers_pause_has_reason"
  CHECK ("dunning_paused_until" IS NULL OR "dunning_paused_reason" IS NOT NULL);

-- Accent- and case-insensitive search ("bjorkli" finds "Bjørkli"). unaccent() is not
-- IMMUTABLE (its rules file can change) and leaves ø/æ/ß alone under NFKD, so the
-- folding is spelled out here, in one place: lib/customers/list-customers.ts calls
-- dd_fold() on both the column expression and the query. Upper case is listed as
-- well, since lower() only folds ASCII on a database created with the C locale.
CREATE FUNCTION "dd_fold"(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT translate(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(t),
      'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'ß', 'ss'), 'ẞ', 'ss'), 'þ', 'th'), 'Þ', 'th'), 'ĳ', 'ij'), 'Ĳ', 'ij'),
    'àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžðÀÁÂÃÄÅĀĂĄÇĆĈĊČĎĐÈÉÊËĒĔĖĘĚĜĞĠĢĤĦÌÍÎÏĨĪĬĮĴĶĹĻĽĿŁÑŃŅŇÒÓÔÕÖØŌŎŐŔŖŘŚŜŞŠŢŤŦÙÚÛÜŨŪŬŮŰŲŴÝŸŶŹŻŽÐİ',
    'aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzzdaaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzzdi')
$$;

-- The customer list's search: name, reference and email folded, matched with
-- LIKE '%…%' through a trigram index (pg_trgm ships with PostgreSQL's contrib
-- and is a trusted extension, so the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "customers_search_trgm" ON "customers"
  USING gin ((dd_fold("name" || ' ' || "reference" || ' ' || "email")) gin_trgm_ops);

-- Pausing or resuming dunning is a fact the stage policy reads: mark the account work stale.
CREATE FUNCTION "customers_pause_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE account_work SET stale = true WHERE customer_id = NEW.id AND NOT stale;
  RETURN NULL;
END $$;
CREATE TRIGGER "customers_pause_changed" AFTER UPDATE OF "dunning_paused_reason", "dunning_paused_until" ON "customers"
  FOR EACH ROW WHEN (OLD."dunning_paused_reason" IS DISTINCT FROM NEW."dunning_paused_reason"
    OR OLD."dunning_paused_until" IS DISTINCT FROM NEW."dunning_paused_until")
  EXECUTE FUNCTION "customers_pause_changed"();
