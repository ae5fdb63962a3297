-- AlterTable
ALTER TABLE "customers" ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "workflow_policy_id" UUID;

-- AlterTable
ALTER TABLE "follow_ups" ADD COLUMN     "task_kind" TEXT NOT NULL DEFAULT 'call',
ALTER COLUMN "created_by_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "workflow_policies" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "steps" JSONB NOT NULL,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_rules" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "policy_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "country_code" CHAR(2),
    "customer_type" "CustomerType",
    "min_open_minor" BIGINT,
    "min_open_currency" CHAR(3),
    "tag" TEXT,

    CONSTRAINT "workflow_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflow_step_runs" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "policy_id" UUID,
    "policy_name" TEXT NOT NULL,
    "step_key" TEXT NOT NULL,
    "step_kind" TEXT NOT NULL,
    "anchor_on" DATE NOT NULL,
    "run_on" DATE NOT NULL,
    "invoice_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "recipient" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "transport" TEXT NOT NULL DEFAULT '',
    "contact_id" UUID,
    "follow_up_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_step_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "workflow_policies_org_id_name_key" ON "workflow_policies"("org_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_rules_org_id_position_key" ON "workflow_rules"("org_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_step_runs_follow_up_id_key" ON "workflow_step_runs"("follow_up_id");

-- CreateIndex
CREATE INDEX "workflow_step_runs_customer_id_run_on_idx" ON "workflow_step_runs"("customer_id", "run_on");

-- CreateIndex
CREATE UNIQUE INDEX "workflow_step_runs_once" ON "workflow_step_runs"("customer_id", "currency", "step_key", "anchor_on");

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_workflow_policy_id_fkey" FOREIGN KEY ("workflow_policy_id") REFERENCES "workflow_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_policies" ADD CONSTRAINT "workflow_policies_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_rules" ADD CONSTRAINT "workflow_rules_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_rules" ADD CONSTRAINT "workflow_rules_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "workflow_policies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_step_runs" ADD CONSTRAINT "workflow_step_runs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_step_runs" ADD CONSTRAINT "workflow_step_runs_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_step_runs" ADD CONSTRAINT "workflow_step_runs_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "workflow_policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflow_step_runs" ADD CONSTRAINT "workflow_step_runs_follow_up_id_fkey" FOREIGN KEY ("follow_up_id") REFERENCES "follow_ups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: at most one default policy per organization (none: the built-in "Standard").
CREATE UNIQUE INDEX "workflow_policies_one_default" ON "workflow_policies" ("org_id") WHERE "is_default";

-- The facts a policy rule reads (country, type, tags) and the customer's chosen policy:
-- a change marks the customer's account work stale, as pausing does.
CREATE TRIGGER "customers_policy_facts_changed" AFTER UPDATE OF "workflow_policy_id", "tags", "country_code", "type" ON "customers"
  FOR EACH ROW WHEN (OLD."workflow_policy_id" IS DISTINCT FROM NEW."workflow_policy_id"
    OR OLD."tags" IS DISTINCT FROM NEW."tags"
    OR OLD."country_code" IS DISTINCT FROM NEW."country_code"
    OR OLD."type" IS DISTINCT FROM NEW."type")
  EXECUTE FUNCTION "customers_pause_changed"();

-- A follow-up is planned by a person, or by a policy step (workflow_step_runs.follow_up_id).
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_task_kind" CHECK ("task_kind" IN ('call', 'review'));

-- Lists are never null (an empty list means none).
ALTER TABLE "customers" ALTER COLUMN "tags" SET NOT NULL;
ALTER TABLE "workflow_step_runs" ALTER COLUMN "invoice_ids" SET NOT NULL;

-- A policy's internal review ends done without a contact (nobody spoke to the customer);
-- a call-back still ends with the contact it led to.
ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_ends_once";
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_ends_once" CHECK (
  ("done_at" IS NULL OR ("done_by_id" IS NOT NULL AND ("contact_id" IS NOT NULL OR "task_kind" = 'review') AND "cancelled_at" IS NULL))
  AND ("cancelled_at" IS NULL OR ("cancelled_by_id" IS NOT NULL AND "done_at" IS NULL))
);
