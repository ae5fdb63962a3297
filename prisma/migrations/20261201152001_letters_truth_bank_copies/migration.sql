-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "region" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "kid" TEXT,
ADD COLUMN     "pdf_sha256" CHAR(64);

-- AlterTable
ALTER TABLE "letters" ADD COLUMN     "enclosures" JSONB;

-- AlterTable
ALTER TABLE "collection_policies" ADD COLUMN     "require_contact_before_letter1" BOOLEAN;

-- AlterTable
ALTER TABLE "agency_handoffs" ADD COLUMN     "agency_contact" TEXT,
ADD COLUMN     "agency_payment_details" TEXT;

-- CreateTable
CREATE TABLE "invoice_files" (
    "org_id" UUID NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "file_name" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_files_pkey" PRIMARY KEY ("org_id","sha256")
);

-- CreateTable
CREATE TABLE "org_bank_accounts" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "bank_name" TEXT NOT NULL DEFAULT '',
    "iban" TEXT NOT NULL DEFAULT '',
    "bic" TEXT NOT NULL DEFAULT '',
    "account_number" TEXT NOT NULL DEFAULT '',
    "uses_kid" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_bank_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_bank_accounts_org_id_currency_key" ON "org_bank_accounts"("org_id", "currency");

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_org_id_pdf_sha256_fkey" FOREIGN KEY ("org_id", "pdf_sha256") REFERENCES "invoice_files"("org_id", "sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_files" ADD CONSTRAINT "invoice_files_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_bank_accounts" ADD CONSTRAINT "org_bank_accounts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- An invoice file is content-addressed: its bytes never change (a new file is a new row).
CREATE FUNCTION "invoice_files_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'invoice_files rows are immutable: store the new file as a new row'
    USING ERRCODE = 'P0001';
END $$;
CREATE TRIGGER "invoice_files_immutable" BEFORE UPDATE ON "invoice_files"
  FOR EACH ROW EXECUTE FUNCTION "invoice_files_refuse_update"();
