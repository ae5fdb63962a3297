-- AlterTable
ALTER TABLE "letter_deliveries" ADD COLUMN     "statement_id" UUID,
ALTER COLUMN "letter_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "statements" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "language" "Language" NOT NULL,
    "as_of" DATE NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "content_sha256" CHAR(64) NOT NULL,
    "letterhead" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "statements_customer_id_created_at_idx" ON "statements"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "letter_deliveries_statement_id_requested_at_idx" ON "letter_deliveries"("statement_id", "requested_at");

-- AddForeignKey
ALTER TABLE "letter_deliveries" ADD CONSTRAINT "letter_deliveries_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A delivery carries exactly one document: a letter or a statement.
ALTER TABLE "letter_deliveries" ADD CONSTRAINT "letter_deliveries_one_document" CHECK (num_nonnulls("letter_id", "statement_id") = 1);
