-- CreateEnum
CREATE TYPE "CustomerRequestKind" AS ENUM ('PAID_CLAIM', 'DISPUTE', 'PROMISE', 'PLAN', 'MESSAGE');

-- AlterEnum
ALTER TYPE "ContactChannel" ADD VALUE 'PORTAL';

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "portal_link_days" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "portal_links" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "token_sha256" CHAR(64) NOT NULL,
    "letter_id" UUID,
    "statement_id" UUID,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_revocations" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "user_id" UUID NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_revocations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_requests" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "kind" "CustomerRequestKind" NOT NULL,
    "source" TEXT NOT NULL,
    "contact_id" UUID,
    "invoice_id" UUID,
    "paid_on" DATE,
    "amount_minor" BIGINT,
    "reference" TEXT NOT NULL DEFAULT '',
    "promised_for" DATE,
    "instalments" JSONB,
    "message" TEXT NOT NULL DEFAULT '',
    "file_id" UUID,
    "handled_at" TIMESTAMPTZ(3),
    "handled_by_id" UUID,
    "decision" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_files" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_rate_windows" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(0) NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "portal_rate_windows_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "portal_links_token_sha256_key" ON "portal_links"("token_sha256");

-- CreateIndex
CREATE UNIQUE INDEX "portal_links_letter_id_key" ON "portal_links"("letter_id");

-- CreateIndex
CREATE UNIQUE INDEX "portal_links_statement_id_key" ON "portal_links"("statement_id");

-- CreateIndex
CREATE INDEX "portal_revocations_customer_id_currency_revoked_at_idx" ON "portal_revocations"("customer_id", "currency", "revoked_at");

-- CreateIndex
CREATE UNIQUE INDEX "customer_requests_contact_id_key" ON "customer_requests"("contact_id");

-- CreateIndex
CREATE INDEX "customer_requests_unhandled" ON "customer_requests"("org_id", "created_at");

-- CreateIndex
CREATE INDEX "customer_requests_customer_id_currency_created_at_idx" ON "customer_requests"("customer_id", "currency", "created_at");

-- CreateIndex
CREATE INDEX "customer_files_customer_id_idx" ON "customer_files"("customer_id");

-- AddForeignKey
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_revocations" ADD CONSTRAINT "portal_revocations_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_revocations" ADD CONSTRAINT "portal_revocations_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_revocations" ADD CONSTRAINT "portal_revocations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "customer_files"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_handled_by_id_fkey" FOREIGN KEY ("handled_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_files" ADD CONSTRAINT "customer_files_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_files" ADD CONSTRAINT "customer_files_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A link is printed on exactly one document: a letter or a statement.
ALTER TABLE "portal_links" ADD CONSTRAINT "portal_links_one_document"
  CHECK (("letter_id" IS NULL) <> ("statement_id" IS NULL));

-- A customer's request (an unhandled paid claim holds the next letter) is a fact the
-- stage policy reads: mark the account work stale, like promises and disputes.
SELECT accounts_protect_facts('customer_requests'::regclass);

-- What the customer says on its page is an inbound reply. Compared as text: the enum
-- value added above cannot be named as a literal in the transaction that adds it.
ALTER TABLE "contact_attempts" DROP CONSTRAINT "contact_attempts_outcome_fits_channel";
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_outcome_fits_channel" CHECK (
  ("channel" = 'PHONE' AND "outcome" IN ('NO_ANSWER', 'VOICEMAIL', 'SPOKE')) OR
  ("channel" IN ('EMAIL', 'LETTER') AND "outcome" IN ('SENT', 'DELIVERED', 'DELIVERY_FAILED', 'REPLIED')) OR
  ("channel"::text = 'PORTAL' AND "outcome" = 'REPLIED' AND "direction" = 'INBOUND'));
