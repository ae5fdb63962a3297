// Measures "print today's letters" through the job queue on a throwaway database:
//   npx tsx scripts/bench-print-run.ts [letters=1000]
// stores that many letters sent today, starts the run as the Print page does, runs
// the job worker as `npm start` does (a separate process, scripts/worker.ts) and polls
// the run's row like the page, printing the time to the finished PDF and its size.
import { spawn } from "node:child_process";
import { createDb } from "@/lib/db/client";
import { getPrintRun, getPrintRunPdf, startPrintRun } from "@/lib/documents/print-run";
import type { Language } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/stages/stage";
import { clockNow, todayIn } from "@/lib/time/dates";
import { createOrg, createUser } from "@/tests/factories";
import { createMigratedDatabase, startTestServer } from "@/tests/test-database";
import { sampleStoredLetter } from "@/tooling/demo/sample-letter";

const COUNT = Number(process.argv[2] ?? 1000);
const server = await startTestServer();
const database = await createMigratedDatabase(server.serverUrl, "dd_bench_print");
const db = createDb(database.url);
const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
  env: { ...process.env, DATABASE_URL: database.url, SMTP_URL: "" },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const languages: Language[] = ["en", "it", "nb"];
  for (let i = 0; i < COUNT; i++) {
    const language = languages[i % 3];
    const stage = ((i % 4) + 1) as Stage;
    const customer = await db.customer.create({
      data: {
        orgId: org.id,
        reference: `C-${i}`,
        name: `Customer ${String(i).padStart(5, "0")}`,
        currency: "EUR",
        language,
      },
    });
    const theCase = await db.collectionCase.create({
      data: { orgId: org.id, customerId: customer.id, currency: "EUR" },
    });
    const sample = sampleStoredLetter(language, stage);
    await db.letter.create({
      data: {
        orgId: org.id,
        customerId: customer.id,
        caseId: theCase.id,
        stage,
        language,
        currency: "EUR",
        subject: sample.subject,
        body: sample.body,
        invoices: [],
        totalDueMinor: 145050n,
        deadlineDate: new Date("2026-12-16"),
        registeredMail: stage === 4,
        contentSha256: sample.contentSha256,
        letterhead: sample.letterhead as object,
        sentAt: clockNow(),
      },
    });
  }
  const day = todayIn(org.timeZone, clockNow());
  const t0 = performance.now();
  const started = await startPrintRun(db, { orgId: org.id, userId: user.id, day });
  let run = started;
  let polls = 0;
  let firstProgressMs = 0;
  while (run.state === "running") {
    await new Promise((r) => setTimeout(r, 500));
    run = await getPrintRun(db, { orgId: org.id, printRunId: started.id });
    polls++;
    if (!firstProgressMs && run.done > 0) firstProgressMs = performance.now() - t0;
  }
  const seconds = (performance.now() - t0) / 1000;
  if (run.state !== "ready") throw new Error(`run ${run.state}: ${run.error}`);
  const { pdf } = await getPrintRunPdf(db, { orgId: org.id, printRunId: started.id });
  console.log(
    `print ${run.letters} letters (${run.registered} registered) via the queue: ${seconds.toFixed(1)} s to a stored PDF of ${(pdf.length / 1024 / 1024).toFixed(1)} MB; first progress after ${(firstProgressMs / 1000).toFixed(1)} s, ${polls} polls`,
  );
} finally {
  worker.kill("SIGTERM");
  await new Promise((r) => worker.once("exit", r));
  await db.$disconnect();
  await database.drop();
  await server.stop();
}
