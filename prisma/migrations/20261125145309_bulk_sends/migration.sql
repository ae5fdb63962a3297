-- CreateEnum
CREATE TYPE "BulkSendOutcome" AS ENUM ('SENT', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "bulk_sends" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "planned" JSONB NOT NULL,
    "total" INTEGER NOT NULL,

    CONSTRAINT "bulk_sends_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bulk_send_results" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "bulk_send_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "outcome" "BulkSendOutcome" NOT NULL,
    "letter_id" UUID,
    "reason" TEXT NOT NULL DEFAULT '',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bulk_send_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bulk_sends_org_id_requested_at_idx" ON "bulk_sends"("org_id", "requested_at");

-- CreateIndex
CREATE UNIQUE INDEX "bulk_send_results_bulk_send_id_customer_id_currency_key" ON "bulk_send_results"("bulk_send_id", "customer_id", "currency");

-- AddForeignKey
ALTER TABLE "bulk_sends" ADD CONSTRAINT "bulk_sends_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bulk_sends" ADD CONSTRAINT "bulk_sends_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bulk_send_results" ADD CONSTRAINT "bulk_send_results_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bulk_send_results" ADD CONSTRAINT "bulk_send_results_bulk_send_id_fkey" FOREIGN KEY ("bulk_send_id") REFERENCES "bulk_sends"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
