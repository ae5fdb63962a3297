-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "reply_domain" TEXT;

-- AlterTable
ALTER TABLE "customer_requests" ADD COLUMN     "paid_claim_id" UUID;

-- CreateTable
CREATE TABLE "reply_tokens" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reply_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_messages" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID,
    "currency" CHAR(3),
    "matched_by" TEXT,
    "source" TEXT NOT NULL,
    "message_key" CHAR(64) NOT NULL,
    "from_address" TEXT NOT NULL,
    "from_name" TEXT NOT NULL DEFAULT '',
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "text_body" TEXT NOT NULL DEFAULT '',
    "sent_at" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "raw" BYTEA NOT NULL,
    "auto_reply" BOOLEAN NOT NULL DEFAULT false,
    "contact_id" UUID,
    "read_at" TIMESTAMPTZ(3),
    "read_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_attachments" (
    "id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "inbound_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reply_tokens_token_key" ON "reply_tokens"("token");

-- CreateIndex
CREATE UNIQUE INDEX "reply_tokens_org_id_customer_id_currency_key" ON "reply_tokens"("org_id", "customer_id", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_messages_contact_id_key" ON "inbound_messages"("contact_id");

-- CreateIndex
CREATE INDEX "inbound_messages_org_id_received_at_idx" ON "inbound_messages"("org_id", "received_at");

-- CreateIndex
CREATE INDEX "inbound_messages_customer_id_currency_idx" ON "inbound_messages"("customer_id", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_messages_org_id_message_key_key" ON "inbound_messages"("org_id", "message_key");

-- CreateIndex
CREATE INDEX "inbound_attachments_message_id_idx" ON "inbound_attachments"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_reply_domain_key" ON "organizations"("reply_domain");

-- CreateIndex
CREATE UNIQUE INDEX "customer_requests_paid_claim_id_key" ON "customer_requests"("paid_claim_id");

-- AddForeignKey
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_paid_claim_id_fkey" FOREIGN KEY ("paid_claim_id") REFERENCES "paid_claims"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reply_tokens" ADD CONSTRAINT "reply_tokens_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reply_tokens" ADD CONSTRAINT "reply_tokens_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_read_by_id_fkey" FOREIGN KEY ("read_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_attachments" ADD CONSTRAINT "inbound_attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "inbound_messages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written.
-- A message is on an account (customer, and how it was found) or in the queue (neither).
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_assigned_check" CHECK (
  ("customer_id" IS NULL) = ("matched_by" IS NULL) AND
  ("matched_by" IS NULL OR "matched_by" IN ('token', 'sender', 'collector')) AND
  ("customer_id" IS NOT NULL OR "currency" IS NULL));

-- One store of paid claims (lib/collections/paid-claims.ts): the portal's "we have paid"
-- requests so far kept their claim on the request row; each becomes a paid_claims row
-- (settled when a collector had handled the request) and the request points at it.
INSERT INTO "paid_claims" ("id", "org_id", "customer_id", "currency", "paid_on", "amount_minor", "reference",
    "source", "settled_at", "settled_by_id", "settled_reason", "created_at")
  SELECT r."id", r."org_id", r."customer_id", r."currency", r."paid_on", r."amount_minor", r."reference",
    r."source", r."handled_at", r."handled_by_id", CASE WHEN r."handled_at" IS NULL THEN '' ELSE 'Read on Today' END, r."created_at"
  FROM "customer_requests" r WHERE r."kind" = 'PAID_CLAIM' AND r."paid_on" IS NOT NULL;
UPDATE "customer_requests" SET "paid_claim_id" = "id", "paid_on" = NULL, "amount_minor" = NULL, "reference" = ''
  WHERE "kind" = 'PAID_CLAIM' AND "paid_on" IS NOT NULL;

-- An unread reply holds the account's next letter (a fact the stage policy reads): mark its work stale.
SELECT accounts_protect_facts('inbound_messages'::regclass);
