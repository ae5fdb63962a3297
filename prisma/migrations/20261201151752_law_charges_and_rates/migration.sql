-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "agreed_electronic_notices" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "letters" ADD COLUMN     "charges" JSONB;

-- CreateTable
CREATE TABLE "charges" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "letter_id" UUID NOT NULL,
    "invoice_id" UUID,
    "kind" TEXT NOT NULL,
    "invoice_number" TEXT,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "rate_percent" TEXT,
    "from_date" DATE,
    "to_date" DATE,
    "basis" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "charge_payments" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "charge_id" UUID NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "received_on" DATE NOT NULL,
    "entered_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charge_payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_rates" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "series" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE NOT NULL,
    "reference_percent" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "added_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reference_rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "law_settings" (
    "org_id" UUID NOT NULL,
    "statutory_interest" BOOLEAN NOT NULL DEFAULT false,
    "statutory_compensation" BOOLEAN NOT NULL DEFAULT false,
    "reminder_fee" BOOLEAN NOT NULL DEFAULT false,
    "contractual_interest_percent" TEXT,
    "flat_fee_minor" BIGINT,
    "flat_fee_currency" CHAR(3),
    "contact_before_letter1" BOOLEAN,
    "italy_diffida" BOOLEAN NOT NULL DEFAULT false,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "law_settings_pkey" PRIMARY KEY ("org_id")
);

-- CreateIndex
CREATE INDEX "charges_customer_id_created_at_idx" ON "charges"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "charge_payments_charge_id_idx" ON "charge_payments"("charge_id");

-- CreateIndex
CREATE UNIQUE INDEX "reference_rates_org_id_series_valid_from_key" ON "reference_rates"("org_id", "series", "valid_from");

-- AddForeignKey
ALTER TABLE "charges" ADD CONSTRAINT "charges_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charges" ADD CONSTRAINT "charges_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charges" ADD CONSTRAINT "charges_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charges" ADD CONSTRAINT "charges_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charge_payments" ADD CONSTRAINT "charge_payments_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charge_payments" ADD CONSTRAINT "charge_payments_charge_id_fkey" FOREIGN KEY ("charge_id") REFERENCES "charges"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reference_rates" ADD CONSTRAINT "reference_rates_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "law_settings" ADD CONSTRAINT "law_settings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Charges, payments against them and admin-entered rates are records: never
-- changed or deleted (a correction is a new row), for everyone, the app included.
CREATE FUNCTION "law_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only; record a new row instead (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER "charges_append_only" BEFORE UPDATE OR DELETE ON "charges" FOR EACH ROW EXECUTE FUNCTION "law_refuse_change"();
CREATE TRIGGER "charge_payments_append_only" BEFORE UPDATE OR DELETE ON "charge_payments" FOR EACH ROW EXECUTE FUNCTION "law_refuse_change"();
CREATE TRIGGER "reference_rates_append_only" BEFORE UPDATE OR DELETE ON "reference_rates" FOR EACH ROW EXECUTE FUNCTION "law_refuse_change"();
