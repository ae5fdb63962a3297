-- CreateTable
CREATE TABLE "history_checkpoints" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "head_hash" CHAR(64) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "key_id" CHAR(16) NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "history_checkpoints_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "history_checkpoints_org_seq" ON "history_checkpoints"("org_id", "seq");

-- AddForeignKey
ALTER TABLE "history_checkpoints" ADD CONSTRAINT "history_checkpoints_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Checkpoints are evidence too: append-only for every role.
CREATE TRIGGER "history_append_only" BEFORE UPDATE OR DELETE ON "history_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "history_refuse_change"();
CREATE TRIGGER "history_no_truncate" BEFORE TRUNCATE ON "history_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "history_refuse_change"();

-- Only the chain's triggers move a head (issue 14, item 4): they run as the
-- owner (SECURITY DEFINER), so the app's role keeps SELECT alone on
-- history_chain_heads (lib/db/app-role.ts) and cannot UPDATE or DELETE it.
ALTER FUNCTION "history_chain_append"() SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION "history_chain_flush"() SECURITY DEFINER SET search_path = public, pg_temp;
