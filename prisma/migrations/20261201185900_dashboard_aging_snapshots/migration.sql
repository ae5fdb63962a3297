-- CreateTable
CREATE TABLE "aging_snapshots" (
    "org_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "current_minor" BIGINT NOT NULL,
    "d1_30_minor" BIGINT NOT NULL,
    "d31_60_minor" BIGINT NOT NULL,
    "d61_90_minor" BIGINT NOT NULL,
    "d90_plus_minor" BIGINT NOT NULL,
    "open_minor" BIGINT NOT NULL,
    "overdue_minor" BIGINT NOT NULL,
    "accounts" INTEGER NOT NULL,
    "overdue_accounts" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'worker',
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "aging_snapshots_pkey" PRIMARY KEY ("org_id","day","currency")
);

-- CreateIndex
CREATE INDEX "letters_by_org_sent_at" ON "letters"("org_id", "sent_at");

-- CreateIndex
CREATE INDEX "payment_promises_by_org_promised_for" ON "payment_promises"("org_id", "promised_for");

-- CreateIndex
CREATE INDEX "agency_handoffs_by_org_day" ON "agency_handoffs"("org_id", "handed_over_on");

-- AddForeignKey
ALTER TABLE "aging_snapshots" ADD CONSTRAINT "aging_snapshots_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A snapshot is what the figures were on its day: never changed or deleted, for
-- everyone, the app included (a later correction changes today's report only).
ALTER TABLE "aging_snapshots" ADD CONSTRAINT "aging_snapshots_source" CHECK ("source" IN ('worker', 'demo'));
CREATE FUNCTION "aging_snapshots_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'aging_snapshots is append-only: a past day''s snapshot never changes (% refused)', TG_OP
    USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER "aging_snapshots_append_only" BEFORE UPDATE OR DELETE ON "aging_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "aging_snapshots_refuse_change"();

