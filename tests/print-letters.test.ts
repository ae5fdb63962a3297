import type { TaskList } from "graphile-worker";
import { describe, expect, inject, it } from "vitest";
import {
  clearOldPrintPdfs,
  getPrintRun,
  getPrintRunPdf,
  latestPrintRun,
  PRINT_TASK,
  type PrintJob,
  printTasks,
  startPrintRun,
} from "@/lib/documents/print-run";
import { lettersToPost, printLetters } from "@/lib/documents/print-todays-letters";
import type { Language } from "@/lib/generated/prisma/enums";
import { runDueJobs } from "@/lib/jobs/queue";
import type { Stage } from "@/lib/stages/stage";
import { instantAt } from "@/lib/time/instants";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { sampleStoredLetter } from "@/tooling/demo/sample-letter";
import { useTestDb } from "./db";
import { createCustomer, createOrg, createUser } from "./factories";
import { whileAWorkerIsAlive } from "./live-worker";

const db = useTestDb();
const url = inject("testDatabaseUrl");

async function storeLetter(
  orgId: string,
  name: string,
  language: Language,
  stage: Stage,
  sentAt: Date,
  opts: { emailed?: boolean } = {},
) {
  const customer = await createCustomer(db, orgId, { name, language, currency: "EUR" });
  const theCase = await db.collectionCase.create({ data: { orgId, customerId: customer.id, currency: "EUR" } });
  const sample = sampleStoredLetter(language, stage);
  const letter = await db.letter.create({
    data: {
      orgId,
      customerId: customer.id,
      caseId: theCase.id,
      stage,
      language,
      currency: "EUR",
      subject: sample.subject,
      body: sample.body,
      invoices: [],
      totalDueMinor: 145050n,
      deadlineDate: new Date("2026-04-16"),
      registeredMail: stage === 4,
      contentSha256: sample.contentSha256,
      letterhead: sample.letterhead as object,
      sentAt,
    },
  });
  if (opts.emailed)
    await db.letterDelivery.create({
      data: { orgId, letterId: letter.id, customerId: customer.id, recipient: "ap@customer.example" },
    });
  return letter;
}

describe("print today's letters", () => {
  it("puts every letter posted today in one PDF, a sheet each, letter 4 marked for registered mail", async () => {
    const org = await createOrg(db);
    const day = "2026-04-02";
    const at = (time: string, d = day) => instantAt(d, time, "Europe/Oslo");
    const post1 = await storeLetter(org.id, "Alfa AS", "nb", 1, at("09:00"));
    const emailed = await storeLetter(org.id, "Beta Srl", "it", 2, at("10:00"), { emailed: true });
    const registered = await storeLetter(org.id, "Gamma Ltd", "en", 4, at("23:59"), { emailed: true });
    const yesterday = await storeLetter(org.id, "Delta AS", "nb", 3, at("23:59", "2026-04-01"));
    const other = await createOrg(db);
    await storeLetter(other.id, "Other", "en", 1, at("12:00"));

    const posted = await lettersToPost(db, { orgId: org.id, timeZone: "Europe/Oslo", day });
    expect(posted.map((l) => l.id)).toEqual([post1.id, registered.id]);
    expect(posted.map((l) => l.id)).not.toContain(emailed.id);
    expect(posted.map((l) => l.id)).not.toContain(yesterday.id);

    const progress: number[] = [];
    const result = await printLetters(db, {
      orgId: org.id,
      timeZone: "Europe/Oslo",
      day,
      onProgress: (done) => void progress.push(done),
    });
    expect(result).toMatchObject({ letters: 2, registered: 1 });
    expect(progress).toEqual([1, 2]);
    const pages = (await pdfToText(result.pdf)).split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(flatText(pages[0])).toContain("Påminnelse om forfalt betaling");
    expect(pages[0]).not.toContain("REGISTERED MAIL");
    expect(flatText(pages[1])).toContain("REGISTERED MAIL");
    expect(flatText(pages[1])).toContain("Final notice");
  });
});

// The run on the job queue: started as the route does, rendered by the worker's
// task list in-process (graphile-worker's runOnce). Other test files share the
// queue, so each test looks only at its own organization's run.
describe("print today's letters on the job queue", () => {
  const day = "2026-04-02";
  const at = (time: string) => instantAt(day, time, "Europe/Oslo");

  async function orgWithPost(letters: number) {
    const org = await createOrg(db, { timeZone: "Europe/Oslo" });
    const user = await createUser(db, org.id, "COLLECTOR");
    for (let i = 0; i < letters; i++)
      await storeLetter(org.id, `Customer ${String(i).padStart(2, "0")}`, "en", i === 0 ? 4 : 1, at("09:00"));
    return { org, user };
  }
  /** Retries wait seconds (exponential backoff): bring this run's forward so runOnce takes it now. */
  const retryNow = (printRunId: string) =>
    db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${`print-run:${printRunId}`}`;

  it("renders the run in the worker, reports progress in the row and serves the PDF from the database; a double click joins the run", async () => {
    const { org, user } = await orgWithPost(27);
    const started = await startPrintRun(db, { orgId: org.id, userId: user.id, day });
    expect(started).toMatchObject({ state: "running", done: 0, total: 0, day });
    expect(await startPrintRun(db, { orgId: org.id, userId: user.id, day })).toMatchObject({
      id: started.id,
      state: "running",
    });
    expect(
      await db.auditEvent.findMany({
        where: { orgId: org.id, kind: "print_run.started" },
        select: { userId: true, payload: true },
      }),
    ).toEqual([{ userId: user.id, payload: { printRunId: started.id, day } }]);
    await expect(getPrintRunPdf(db, { orgId: org.id, printRunId: started.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // Progress is written to the row every 25 letters and at the end, as the worker renders.
    const seen: number[] = [];
    const watching: TaskList = {
      [PRINT_TASK]: async (payload, helpers) => {
        const watched = new Proxy(db, {
          get: (target, prop) =>
            prop !== "printRun"
              ? Reflect.get(target, prop)
              : new Proxy(target.printRun, {
                  get: (runs, method) =>
                    method !== "updateMany"
                      ? Reflect.get(runs, method)
                      : async (args: { data: { done?: number } }) => {
                          if (args.data.done) seen.push(args.data.done);
                          return runs.updateMany(args as never);
                        },
                }),
        });
        return printTasks(watched)[PRINT_TASK]!(payload, helpers);
      },
    };
    await runDueJobs(url, watching);
    expect(seen).toEqual([25, 27, 27]);

    const ready = await getPrintRun(db, { orgId: org.id, printRunId: started.id });
    expect(ready).toMatchObject({
      state: "ready",
      done: 27,
      total: 27,
      letters: 27,
      registered: 1,
      error: null,
      downloadable: true,
    });
    expect(await latestPrintRun(db, { orgId: org.id, day })).toEqual(ready);
    const { pdf, filename } = await getPrintRunPdf(db, { orgId: org.id, printRunId: started.id });
    expect(filename).toBe(`letters-to-post-${day}.pdf`);
    const pages = (await pdfToText(pdf)).split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(27);
    expect(flatText(pages[0])).toContain("REGISTERED MAIL");

    // Another organization sees neither the run nor its PDF; nonsense ids are not found either.
    const other = await createOrg(db);
    await expect(getPrintRun(db, { orgId: other.id, printRunId: started.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getPrintRunPdf(db, { orgId: other.id, printRunId: started.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getPrintRun(db, { orgId: org.id, printRunId: "not-a-uuid" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // Finished: the next click starts a new run. A day after finishing, the PDF is cleared but the run stays.
    const again = await startPrintRun(db, { orgId: org.id, userId: user.id, day });
    expect(again.id).not.toBe(started.id);
    const dayLater = new Date(Date.now() + 24 * 60 * 60_000 + 60_000);
    expect(await clearOldPrintPdfs(db, dayLater)).toBeGreaterThanOrEqual(1);
    expect(await getPrintRun(db, { orgId: org.id, printRunId: started.id })).toMatchObject({
      state: "ready",
      letters: 27,
      downloadable: false,
    });
    await expect(getPrintRunPdf(db, { orgId: org.id, printRunId: started.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("a job that keeps failing is retried, then marks the run failed with the message", async () => {
    const { org, user } = await orgWithPost(1);
    const started = await startPrintRun(db, { orgId: org.id, userId: user.id, day });
    const broken: TaskList = {
      [PRINT_TASK]: async (payload, helpers) => {
        if ((payload as PrintJob).orgId !== org.id) return printTasks(db)[PRINT_TASK]!(payload, helpers);
        // The real job with a database that fails reading the letters.
        const failing = new Proxy(db, {
          get: (t, p) =>
            p === "letter" ? { findMany: () => Promise.reject(new Error("connection reset")) } : Reflect.get(t, p),
        });
        return printTasks(failing)[PRINT_TASK]!(payload, helpers);
      },
    };
    await runDueJobs(url, broken);
    expect(await getPrintRun(db, { orgId: org.id, printRunId: started.id })).toMatchObject({ state: "running" }); // waiting for its retry
    for (let i = 0; i < 2; i++) {
      await retryNow(started.id);
      await runDueJobs(url, broken);
    }
    expect(await getPrintRun(db, { orgId: org.id, printRunId: started.id })).toMatchObject({
      state: "failed",
      error: expect.stringContaining("connection reset"),
      downloadable: false,
    });
    const [job] = await db.$queryRaw<
      unknown[]
    >`SELECT 1 FROM graphile_worker.jobs WHERE key = ${`print-run:${started.id}`}`;
    expect(job).toBeUndefined(); // the queue is done with it too
  });

  it("a run whose worker died is shown failed, not running for ever; one waiting in the queue is not", async () => {
    const { org, user } = await orgWithPost(1);
    const waiting = await startPrintRun(db, { orgId: org.id, userId: user.id, day });
    const later = new Date(Date.now() + 10 * 60_000);
    // Queued behind other jobs for ten minutes while a worker is alive: still running.
    expect(
      await whileAWorkerIsAlive(db, () => getPrintRun(db, { orgId: org.id, printRunId: waiting.id, now: later })),
    ).toMatchObject({ state: "running" });
    // Taken by a worker that then died: no heartbeat, the job locked by it.
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'dead-worker' WHERE key = ${`print-run:${waiting.id}`}`;
    expect(await getPrintRun(db, { orgId: org.id, printRunId: waiting.id })).toMatchObject({ state: "running" });
    expect(await getPrintRun(db, { orgId: org.id, printRunId: waiting.id, now: later })).toMatchObject({
      state: "failed",
      error: expect.stringContaining("interrupted"),
    });
    // Printing again starts a new run; the dead worker's job, should the queue retry it hours later, finds its run failed and stops.
    const again = await startPrintRun(db, { orgId: org.id, userId: user.id, day });
    expect(again).toMatchObject({ state: "running" });
    expect(again.id).not.toBe(waiting.id);
    await runDueJobs(url, printTasks(db));
    expect(await getPrintRun(db, { orgId: org.id, printRunId: again.id })).toMatchObject({
      state: "ready",
      letters: 1,
    });
    expect(await getPrintRun(db, { orgId: org.id, printRunId: waiting.id })).toMatchObject({ state: "failed" });
  });
});
