-- CreateEnum
CREATE TYPE "DeliveryOutcome" AS ENUM ('ACCEPTED', 'FAILED');

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "logo_sha256" CHAR(64);

-- AlterTable
ALTER TABLE "letters" ADD COLUMN     "letterhead" JSONB;

-- CreateTable
CREATE TABLE "org_logos" (
    "org_id" UUID NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content_type" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_logos_pkey" PRIMARY KEY ("org_id","sha256")
);

-- CreateTable
CREATE TABLE "letter_template_versions" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "language" "Language" NOT NULL,
    "stage" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "paragraphs" JSONB NOT NULL,
    "reverted" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letter_template_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letter_deliveries" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "letter_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "requested_by_id" UUID,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letter_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letter_delivery_results" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" "DeliveryOutcome" NOT NULL,
    "transport" TEXT NOT NULL,
    "message_id" TEXT NOT NULL DEFAULT '',
    "error" TEXT NOT NULL DEFAULT '',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letter_delivery_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "from_address" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachment_name" TEXT NOT NULL,
    "attachment" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "letter_template_versions_org_id_language_stage_created_at_idx" ON "letter_template_versions"("org_id", "language", "stage", "created_at");

-- CreateIndex
CREATE INDEX "letter_deliveries_letter_id_requested_at_idx" ON "letter_deliveries"("letter_id", "requested_at");

-- CreateIndex
CREATE INDEX "letter_delivery_results_org_id_occurred_at_idx" ON "letter_delivery_results"("org_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "letter_delivery_results_delivery_id_attempt_key" ON "letter_delivery_results"("delivery_id", "attempt");

-- CreateIndex
CREATE INDEX "outbox_messages_org_id_created_at_idx" ON "outbox_messages"("org_id", "created_at");

-- AddForeignKey
ALTER TABLE "org_logos" ADD CONSTRAINT "org_logos_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_template_versions" ADD CONSTRAINT "letter_template_versions_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_template_versions" ADD CONSTRAINT "letter_template_versions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_deliveries" ADD CONSTRAINT "letter_deliveries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_deliveries" ADD CONSTRAINT "letter_deliveries_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_deliveries" ADD CONSTRAINT "letter_deliveries_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_delivery_results" ADD CONSTRAINT "letter_delivery_results_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_delivery_results" ADD CONSTRAINT "letter_delivery_results_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "letter_deliveries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "letter_deliveries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
