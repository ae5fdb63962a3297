// The job worker: runs the durable job queue (graphile-worker) beside the web
// server: email delivery, "send all due letters", "print today's letters", CSV import
// passes, the hourly worklist refresh, the daily aging snapshots for the dashboard, the daily fetch of the central banks' reference rates and the daily housekeeping. `npm start` starts it; it can also run on its own with DATABASE_URL, on as many
// machines as you like (they share the queue).
import { createServer } from "node:http";
import { bankStatementTasks } from "@/lib/bank/process-bank-statement";
import { WATCH_FOLDER_CRONTAB, watchFolderTasks } from "@/lib/bank/watch-folder";
import { ACCOUNT_WORK_CRONTAB, accountWorkTasks } from "@/lib/collections/account-work-tasks";
import { POLICY_STEPS_CRONTAB, policyStepsTasks } from "@/lib/collections/policy-steps-task";
import { AGING_SNAPSHOT_CRONTAB, agingSnapshotTasks } from "@/lib/dashboard/aging-snapshot-task";
import { createDb } from "@/lib/db/client";
import { transportFromEnv } from "@/lib/delivery/mail-transport";
import { deliveryTasks } from "@/lib/delivery/tasks";
import { printTasks } from "@/lib/documents/print-run";
import { importTasks } from "@/lib/imports/import-jobs";
import { readBankCsv } from "@/lib/imports/read-bank-csv";
import { IMAP_POLL_CRONTAB, imapConfigFromUrl, imapPollTasks } from "@/lib/inbound/poll-imap";
import { startWorker } from "@/lib/jobs/queue";
import { RATE_FETCH_CRONTAB, rateFetchTasks } from "@/lib/law/fetch-published-rates";
import { bulkSendTasks } from "@/lib/letters/bulk-send";
import { webhookTasks } from "@/lib/webhooks/deliver-webhook";
import { webhookNoticeTasks } from "@/lib/webhooks/notify-admins";
import { HOUSEKEEPING_CRONTAB, housekeepingTasks } from "@/lib/worker/housekeeping";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(2);
}
const db = createDb(url);
const transport = transportFromEnv();
// IMPORT_WATCH_DIR: one subfolder per organization id; files dropped there are imported each minute.
const watchDir = process.env.IMPORT_WATCH_DIR;
// INBOUND_IMAP_URL: the mailbox customers' replies reach (docs/inbound-email.md); read each minute.
const imap = process.env.INBOUND_IMAP_URL ? imapConfigFromUrl(process.env.INBOUND_IMAP_URL) : null;
const worker = await startWorker(
  db,
  url,
  {
    ...deliveryTasks(db, transport),
    ...bulkSendTasks(db),
    ...printTasks(db),
    ...importTasks(db),
    ...bankStatementTasks(db, { readCsv: readBankCsv }),
    ...accountWorkTasks(db),
    ...policyStepsTasks(db),
    ...housekeepingTasks(db),
    ...agingSnapshotTasks(db),
    ...webhookTasks(db),
    ...webhookNoticeTasks(db, transport),
    ...rateFetchTasks(db),
    ...(watchDir ? watchFolderTasks(db, watchDir) : {}),
    ...(imap ? imapPollTasks(db, imap) : {}),
  },
  {
    crontab: [
      ACCOUNT_WORK_CRONTAB,
      POLICY_STEPS_CRONTAB,
      HOUSEKEEPING_CRONTAB,
      AGING_SNAPSHOT_CRONTAB,
      RATE_FETCH_CRONTAB,
      ...(watchDir ? [WATCH_FOLDER_CRONTAB] : []),
      ...(imap ? [IMAP_POLL_CRONTAB] : []),
    ].join("\n"),
  },
);
console.log(
  `Job worker running (bulk sends, email, printing, imports, worklist refresh, aging snapshots): ${transport.kind === "smtp" ? "sending through SMTP_URL" : "no SMTP_URL, messages go to the Outbox page"} unless an organization set its own server (Settings → Email).`,
);

// Optional health endpoint, so test harnesses can wait for the worker.
const healthPort = Number(process.env.WORKER_HEALTH_PORT ?? 0);
const health = healthPort ? createServer((_req, res) => res.end("ok")).listen(healthPort, "127.0.0.1") : null;

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  health?.close();
  await worker.stop();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
