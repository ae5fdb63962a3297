-- CreateEnum
CREATE TYPE "PrintRunStatus" AS ENUM ('RUNNING', 'READY', 'FAILED');

-- AlterTable
ALTER TABLE "imports" DROP COLUMN "file_path";

-- CreateTable
CREATE TABLE "import_file_chunks" (
    "import_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "import_file_chunks_pkey" PRIMARY KEY ("import_id","seq")
);

-- CreateTable
CREATE TABLE "print_runs" (
    "id" UUID NOT NULL,
    "org_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "status" "PrintRunStatus" NOT NULL DEFAULT 'RUNNING',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "letters" INTEGER,
    "registered" INTEGER,
    "error" TEXT NOT NULL DEFAULT '',
    "pdf" BYTEA,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "print_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "print_runs_org_id_day_created_at_idx" ON "print_runs"("org_id", "day", "created_at");

-- AddForeignKey
ALTER TABLE "import_file_chunks" ADD CONSTRAINT "import_file_chunks_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "print_runs" ADD CONSTRAINT "print_runs_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "print_runs" ADD CONSTRAINT "print_runs_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma cannot express these).

-- A run is finished exactly when it is no longer running; a failed run says why.
ALTER TABLE "print_runs" ADD CONSTRAINT "print_runs_finished_check" CHECK (("status" = 'RUNNING') = ("finished_at" IS NULL));
ALTER TABLE "print_runs" ADD CONSTRAINT "print_runs_failed_error_check" CHECK ("status" <> 'FAILED' OR "error" <> '');
ALTER TABLE "print_runs" ADD CONSTRAINT "print_runs_progress_check" CHECK ("done" >= 0 AND "done" <= "total");

-- One running print of a day per organization: a double click (or a colleague
-- at the same moment) joins the run in progress instead of rendering it twice.
CREATE UNIQUE INDEX "print_runs_one_running_per_day" ON "print_runs" ("org_id", "day") WHERE "status" = 'RUNNING';

-- Clearing the PDFs of runs finished more than a day ago (print-run.ts).
CREATE INDEX "print_runs_stored_pdf_by_finished_at" ON "print_runs" ("finished_at") WHERE "pdf" IS NOT NULL;

-- A chunk holds 1 to 1 MiB of the file.
ALTER TABLE "import_file_chunks" ADD CONSTRAINT "import_file_chunks_size_check" CHECK (octet_length("data") BETWEEN 1 AND 1048576 AND "seq" >= 0);
