-- CreateTable
CREATE TABLE "fee_amounts" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "source" TEXT NOT NULL,
    "added_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fee_amounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_fetches" (
    "id" UUID NOT NULL,
    "series" TEXT NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "rate_fetches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "fee_amounts_org_id_kind_valid_from_key" ON "fee_amounts"("org_id", "kind", "valid_from");

-- CreateIndex
CREATE INDEX "rate_fetches_series_attempted_at_idx" ON "rate_fetches"("series", "attempted_at");

-- AddForeignKey
ALTER TABLE "fee_amounts" ADD CONSTRAINT "fee_amounts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
