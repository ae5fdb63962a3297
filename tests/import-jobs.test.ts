import type { JobHelpers, TaskList } from "graphile-worker";
import { describe, expect, inject, it } from "vitest";
import type { ColumnMapping } from "@/lib/imports/fields";
import { getImportOrThrow } from "@/lib/imports/get-import";
import { readImportFile } from "@/lib/imports/import-file";
import {
  COMMIT_IMPORT_TASK,
  type ImportJob,
  importTasks,
  queueCommit,
  queueValidation,
  VALIDATE_IMPORT_TASK,
} from "@/lib/imports/import-jobs";
import { saveImportMapping } from "@/lib/imports/save-import-mapping";
import { runDueJobs } from "@/lib/jobs/queue";
import { runHousekeeping } from "@/lib/worker/housekeeping";
import { useTestDb } from "./db";
import { createOrg, createUser } from "./factories";
import { importFile, upload } from "./imports";

// The check and commit passes on the job queue, as the import page's actions
// queue them; the worker's task list runs in-process (graphile-worker's runOnce).
// Other test files share the queue: each test looks only at its own imports.

const db = useTestDb();
const url = inject("testDatabaseUrl");

async function orgWithInvoices() {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const who = { orgId: org.id, userId: user.id };
  await importFile(db, who, "customers", "customers-utf8-bom.csv");
  await importFile(db, who, "invoices", "invoices-iso.csv");
  return who;
}

/** Uploads the payments file and queues its check, as the page does. */
async function queuedCheck(who: { orgId: string; userId: string }) {
  const uploaded = await upload(db, who, "payments", "payments.csv");
  const job: ImportJob = { ...who, importId: uploaded.id };
  await db.$transaction(async (tx) => {
    await saveImportMapping(tx, {
      ...job,
      mapping: uploaded.mapping as ColumnMapping,
      options: { dateFormat: "iso", decimalSeparator: "." },
    });
    await queueValidation(tx, job);
  });
  return job;
}

const status = (importId: string) => db.import.findUniqueOrThrow({ where: { id: importId } });
const payments = (orgId: string) => db.payment.count({ where: { orgId } });
/** Retries wait seconds (exponential backoff): bring this import's forward so runOnce takes it now. */
const retryNow = (importId: string) =>
  db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${`import:${importId}`}`;
const tenMinutesLater = () => new Date(Date.now() + 10 * 60_000);

describe("CSV import passes on the job queue", () => {
  it("checks and imports in the worker, reading the file from the database, and drops the file once imported", async () => {
    const who = await orgWithInvoices();
    const job = await queuedCheck(who);
    expect(await db.importFileChunk.count({ where: { importId: job.importId } })).toBe(1);
    expect(await status(job.importId)).toMatchObject({ status: "VALIDATING" });
    await runDueJobs(url, importTasks(db));
    expect(await status(job.importId)).toMatchObject({ status: "VALIDATED", rowCount: 4, problemCount: 0 });

    await db.$transaction((tx) => queueCommit(tx, job));
    expect(await status(job.importId)).toMatchObject({ status: "COMMITTING" });
    await runDueJobs(url, importTasks(db));
    expect(await status(job.importId)).toMatchObject({ status: "COMMITTED", createdCount: 4 });
    expect(await payments(who.orgId)).toBe(4);
    expect(
      await db.auditEvent.count({
        where: { orgId: who.orgId, kind: "import.committed", payload: { path: ["importKind"], equals: "payments" } },
      }),
    ).toBe(1);
    expect(await db.importFileChunk.count({ where: { importId: job.importId } })).toBe(0);
  });

  it("a commit job run twice at once (a retry beside a worker taken for dead) imports once", async () => {
    const who = await orgWithInvoices();
    const job = await queuedCheck(who);
    await runDueJobs(url, importTasks(db));
    await db.$transaction((tx) => queueCommit(tx, job));
    const commit = importTasks(db)[COMMIT_IMPORT_TASK]!;
    const helpers = { job: { attempts: 1, max_attempts: 3 } } as JobHelpers;
    await Promise.all([commit({ ...job }, helpers), commit({ ...job }, helpers)]);
    await commit({ ...job }, helpers); // and once more after it finished (the worker died before telling the queue)
    expect(await status(job.importId)).toMatchObject({ status: "COMMITTED", createdCount: 4 });
    expect(await payments(who.orgId)).toBe(4);
    expect(
      await db.auditEvent.count({
        where: { orgId: who.orgId, kind: "import.committed", payload: { path: ["importKind"], equals: "payments" } },
      }),
    ).toBe(1);
  });

  it("an unexpected error is retried with the import still importing; after the last attempt it is failed with a message", async () => {
    const who = await orgWithInvoices();
    const job = await queuedCheck(who);
    await runDueJobs(url, importTasks(db));
    await db.$transaction((tx) => queueCommit(tx, job));
    const broken: TaskList = {
      [COMMIT_IMPORT_TASK]: async (payload, helpers) => {
        if ((payload as ImportJob).orgId !== who.orgId) return importTasks(db)[COMMIT_IMPORT_TASK]!(payload, helpers);
        // The real job with a database that loses its connection in the commit's transaction.
        const failing = new Proxy(db, {
          get: (t, p) =>
            p === "$transaction" ? () => Promise.reject(new Error("connection reset")) : Reflect.get(t, p),
        });
        return importTasks(failing)[COMMIT_IMPORT_TASK]!(payload, helpers);
      },
    };
    await runDueJobs(url, broken);
    // Waiting for its retry: still importing, and not taken for interrupted however long the wait.
    expect(await getImportOrThrow(db, { ...job, now: tenMinutesLater() })).toMatchObject({
      status: "COMMITTING",
      error: "",
    });
    for (let i = 0; i < 2; i++) {
      await retryNow(job.importId);
      await runDueJobs(url, broken);
    }
    expect(await status(job.importId)).toMatchObject({
      status: "FAILED",
      error: expect.stringContaining("nothing was imported"),
    });
    expect(await payments(who.orgId)).toBe(0);
  });

  it("a check whose worker died is shown failed, not running for ever, and checking again works", async () => {
    const who = await orgWithInvoices();
    const job = await queuedCheck(who);
    // Queued behind other jobs: however long it waits, it is still "checking".
    expect(await getImportOrThrow(db, { ...job, now: tenMinutesLater() })).toMatchObject({ status: "VALIDATING" });
    // Taken by a worker that then died: no heartbeat, the job locked by it.
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = ${`dead-${job.importId}`} WHERE key = ${`import:${job.importId}`}`;
    expect(await getImportOrThrow(db, job)).toMatchObject({ status: "VALIDATING" });
    expect(await getImportOrThrow(db, { ...job, now: tenMinutesLater() })).toMatchObject({
      status: "FAILED",
      error: expect.stringContaining("interrupted"),
    });

    // Checking again queues a new job; the dead worker's job is stopped from ever being retried.
    await db.$transaction((tx) => queueValidation(tx, job));
    const [dead] = await db.$queryRaw<{ key: string | null; attempts: number; max_attempts: number }[]>`
      SELECT key, attempts, max_attempts FROM graphile_worker.jobs WHERE locked_by = ${`dead-${job.importId}`}`;
    expect(dead).toMatchObject({ key: null, attempts: dead.max_attempts });
    await runDueJobs(url, importTasks(db));
    expect(await status(job.importId)).toMatchObject({ status: "VALIDATED", rowCount: 4, problemCount: 0 });
  });

  it("stores a file of several chunks and reads it back byte for byte", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "ADMIN");
    // About 2.5 MiB of UTF-8 with two-byte letters, so chunk edges fall inside characters.
    const rows = Array.from({ length: 60_000 }, (_, i) => `C-${i},Bjørn Ødegård ${i},NOK`);
    const text = Buffer.from(`Customer number,Name,Currency\n${rows.join("\n")}\n`);
    const uploaded = await upload(db, { orgId: org.id, userId: user.id }, "customers", { text, name: "many.csv" });
    expect(uploaded).toMatchObject({
      byteSize: text.length,
      encoding: "utf-8",
      headers: ["Customer number", "Name", "Currency"],
    });
    expect(await db.importFileChunk.count({ where: { importId: uploaded.id } })).toBe(
      Math.ceil(text.length / (1024 * 1024)),
    );
    const back: Uint8Array[] = [];
    for await (const chunk of readImportFile(db, uploaded.id)) back.push(chunk);
    expect(Buffer.concat(back).equals(text)).toBe(true);

    const job: ImportJob = { orgId: org.id, userId: user.id, importId: uploaded.id };
    await db.$transaction(async (tx) => {
      await saveImportMapping(tx, {
        ...job,
        mapping: uploaded.mapping as ColumnMapping,
        options: { dateFormat: "iso", decimalSeparator: "." },
      });
      await queueValidation(tx, job);
    });
    await runDueJobs(url, { [VALIDATE_IMPORT_TASK]: importTasks(db)[VALIDATE_IMPORT_TASK]! });
    expect(await status(job.importId)).toMatchObject({
      status: "VALIDATED",
      rowCount: 60_000,
      problemCount: 0,
      bytesRead: text.length,
    });
  });
});

describe("housekeeping", () => {
  it("clears the files of imports left unrun for a week, and keeps newer and running ones", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    const who = { orgId: org.id, userId: user.id };
    const old = await upload(db, who, "customers", "customers-utf8-bom.csv");
    const running = await upload(db, who, "customers", "customers-utf8-bom.csv");
    const recent = await upload(db, who, "customers", "customers-utf8-bom.csv");
    const weekAgo = new Date(Date.now() - 8 * 24 * 60 * 60_000);
    await db.import.updateMany({ where: { id: { in: [old.id, running.id] } }, data: { createdAt: weekAgo } });
    await db.import.update({ where: { id: running.id }, data: { status: "VALIDATING" } });
    const chunks = (importId: string) => db.importFileChunk.count({ where: { importId } });

    const done = await runHousekeeping(db, new Date());
    expect(done.importFiles).toBeGreaterThanOrEqual(1);
    expect(await chunks(old.id)).toBe(0);
    expect(await chunks(running.id)).toBeGreaterThan(0);
    expect(await chunks(recent.id)).toBeGreaterThan(0);
    await expect(readImportFile(db, old.id).next()).rejects.toMatchObject({
      message: expect.stringContaining("Upload it again"),
    });
    expect(await db.import.count({ where: { id: old.id } })).toBe(1); // the record stays
  });
});
