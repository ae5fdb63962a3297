-- CreateTable
CREATE TABLE "collected_by_day" (
    "org_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "day" DATE NOT NULL,
    "collected_minor" BIGINT NOT NULL DEFAULT 0,
    "payments" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "collected_by_day_pkey" PRIMARY KEY ("org_id","currency","day")
);

-- AddForeignKey
ALTER TABLE "collected_by_day" ADD CONSTRAINT "collected_by_day_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Deltas per (org, currency, day), applied in the writer's transaction by
-- statement triggers over the transition tables (one aggregate per statement,
-- however many rows: a bulk import or the scale generator's single INSERT).
-- Deltas commute, so concurrent writers cannot lose one; rows are taken in key
-- order so two statements never lock the same rows in opposite orders.
CREATE FUNCTION "collected_by_day_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "collected_by_day" AS c ("org_id", "currency", "day", "collected_minor", "payments")
    SELECT "org_id", "currency", "received_on", -sum("amount_minor"), -count(*) FROM old_rows
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("org_id", "currency", "day") DO UPDATE
      SET "collected_minor" = c."collected_minor" + EXCLUDED."collected_minor", "payments" = c."payments" + EXCLUDED."payments";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "collected_by_day" AS c ("org_id", "currency", "day", "collected_minor", "payments")
    SELECT "org_id", "currency", "received_on", sum("amount_minor"), count(*) FROM new_rows
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("org_id", "currency", "day") DO UPDATE
      SET "collected_minor" = c."collected_minor" + EXCLUDED."collected_minor", "payments" = c."payments" + EXCLUDED."payments";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "payments_collected_insert" AFTER INSERT ON "payments"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "collected_by_day_add"();
CREATE TRIGGER "payments_collected_update" AFTER UPDATE ON "payments"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "collected_by_day_add"();
CREATE TRIGGER "payments_collected_delete" AFTER DELETE ON "payments"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "collected_by_day_add"();

-- A payment reversal (append-only ledger entry) takes its amount back on the day it is dated.
CREATE FUNCTION "collected_by_day_reversals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "collected_by_day" AS c ("org_id", "currency", "day", "collected_minor", "payments")
  SELECT "org_id", "currency", "effective_on", -sum("amount_minor"), 0 FROM new_rows
  WHERE "kind" = 'PAYMENT_REVERSAL'
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("org_id", "currency", "day") DO UPDATE SET "collected_minor" = c."collected_minor" + EXCLUDED."collected_minor";
  RETURN NULL;
END $$;
CREATE TRIGGER "ledger_entries_collected" AFTER INSERT ON "ledger_entries"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "collected_by_day_reversals"();

-- What is there already.
INSERT INTO "collected_by_day" ("org_id", "currency", "day", "collected_minor", "payments")
SELECT "org_id", "currency", "day", sum("amount"), sum("n") FROM (
  SELECT "org_id", "currency", "received_on" AS "day", "amount_minor" AS "amount", 1 AS "n" FROM "payments"
  UNION ALL
  SELECT "org_id", "currency", "effective_on", -"amount_minor", 0 FROM "ledger_entries" WHERE "kind" = 'PAYMENT_REVERSAL'
) m GROUP BY 1, 2, 3;
