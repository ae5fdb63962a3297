import { afterEach, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { completeFollowUp, completeReview } from "@/lib/collections/follow-ups";
import { getAccountCollections } from "@/lib/collections/get-account-collections";
import { listDueLetters } from "@/lib/collections/list-worklist";
import { policyStepsTasks, RUN_POLICY_STEPS_JOB } from "@/lib/collections/policy-steps-task";
import { deliveryTasks } from "@/lib/delivery/tasks";
import { addJob, runDueJobs } from "@/lib/jobs/queue";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import type { PolicyStep } from "@/lib/policies/policy-steps";
import { savePolicy } from "@/lib/policies/save-policy";
import { saveRules } from "@/lib/policies/save-rules";
import type { DateOnly } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { loadToday } from "@/lib/today/today-sections";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// A customer's path through a "Consumers" policy, day by simulated day, with the
// worker's own task list doing the steps (graphile-worker's runOnce on the real queue):
// a courtesy reminder before the due date, a call task on Today, the letters when the
// policy (not Standard) says, a policy change halfway, and a review task.

const db = useTestDb();
const frozen = process.env.DUNNING_FROZEN_NOW;
afterEach(() => {
  if (frozen === undefined) delete process.env.DUNNING_FROZEN_NOW;
  else process.env.DUNNING_FROZEN_NOW = frozen;
});

const TZ = "Europe/Oslo";
const at = (day: DateOnly) => instantAt(day, "11:00", TZ);

const step = (
  key: string,
  kind: PolicyStep["kind"],
  anchor: PolicyStep["anchor"],
  offsetDays: number,
  extra: Partial<PolicyStep> = {},
): PolicyStep => ({ key, kind, anchor, offsetDays, stage: null, deadlineDays: null, note: "", ...extra });
const letter = (stage: number, offsetDays: number, anchor: PolicyStep["anchor"] = "previous_step") =>
  step(`letter-${stage}`, "letter", anchor, offsetDays, { stage, deadlineDays: 14 });

const CONSUMERS: PolicyStep[] = [
  step("remind", "reminder_email", "due_date", -3),
  step("call-1", "call_task", "previous_step", 5, { note: "Call about the overdue invoice" }),
  letter(1, 3),
  step("call-2", "call_task", "previous_step", 4, { note: "Check letter 1 arrived" }),
  letter(2, 10),
  letter(3, 14),
  step("review", "review_task", "previous_step", 7, { note: "Review the history before hand-off" }),
  letter(4, 1),
];

describe("collection policies through the worker, on simulated days", () => {
  it("a consumer follows Consumers (reminder, call, letters, review) while a business follows Standard; a change applies from the next step", async () => {
    const org = await createOrg(db, { timeZone: TZ });
    const [admin, collector] = await Promise.all([
      createUser(db, org.id, "ADMIN"),
      createUser(db, org.id, "COLLECTOR"),
    ]);
    const adminEditor = { orgId: org.id, userId: admin.id, role: "ADMIN" as const };
    const actor: Actor = { userId: collector.id, role: "COLLECTOR" };
    const consumer = await createCustomer(db, org.id, {
      name: "Ada Consumer",
      type: "consumer",
      email: "ada@example.com",
    });
    const business = await createCustomer(db, org.id, { name: "Bolt Ltd" });
    const invoice = await createInvoice(db, consumer, {
      amountMinor: 125_000,
      dueDate: "2026-03-20",
      issueDate: "2026-02-20",
      number: "INV-100",
    });
    await createInvoice(db, business, { amountMinor: 90_000, dueDate: "2026-03-20", issueDate: "2026-02-20" });

    const { policyId } = await savePolicy(db, {
      ...adminEditor,
      policyId: null,
      name: "Consumers",
      isDefault: false,
      steps: CONSUMERS,
    });
    await saveRules(db, {
      ...adminEditor,
      rules: [{ policyId, countryCode: "", customerType: "consumer", minOpen: "", minOpenCurrency: "", tag: "" }],
    });

    const url = inject("testDatabaseUrl");
    const tasks = { ...policyStepsTasks(db), ...deliveryTasks(db, { kind: "outbox" }) };
    const workerDay = async (day: DateOnly) => {
      process.env.DUNNING_FROZEN_NOW = at(day).toISOString();
      await addJob(db, RUN_POLICY_STEPS_JOB, { orgId: org.id }, { jobKey: `steps:${org.id}:${day}`, maxAttempts: 1 });
      await runDueJobs(url, tasks);
    };
    const runs = () =>
      db.workflowStepRun.findMany({
        where: { orgId: org.id },
        orderBy: { createdAt: "asc" },
        include: { followUp: true },
      });
    const dueOn = async (day: DateOnly) =>
      (await listDueLetters(db, { orgId: org.id, now: at(day) })).map((d) => `${d.name}:${d.stage}`).sort();
    const send = (day: DateOnly, stage: 1 | 2 | 3 | 4) =>
      sendNextLetter(db, { orgId: org.id, actor, customerId: consumer.id, currency: "EUR", stage, now: at(day) });

    // Four days before the due date: nothing yet. Three days before: the courtesy reminder, once.
    await workerDay("2026-03-16");
    expect(await runs()).toHaveLength(0);
    await workerDay("2026-03-17");
    await workerDay("2026-03-17");
    const [reminder] = await runs();
    expect((await runs()).length).toBe(1);
    expect(reminder).toMatchObject({
      customerId: consumer.id,
      stepKind: "reminder_email",
      policyName: "Consumers",
      recipient: "ada@example.com",
      transport: "outbox",
      subject: "Friendly reminder: invoice INV-100 is due on March 20, 2026",
    });
    expect(reminder.invoiceIds).toEqual([invoice.id]);
    const emailed = await db.contactAttempt.findUniqueOrThrow({ where: { id: reminder.contactId! } });
    expect(emailed).toMatchObject({
      channel: "EMAIL",
      direction: "OUTBOUND",
      outcome: "SENT",
      customerId: consumer.id,
    });

    // The day after the due date Standard wants letter 1 from the business; Consumers waits.
    expect(await dueOn("2026-03-21")).toEqual(["Bolt Ltd:1"]);
    const [panel] = await getAccountCollections(db, { orgId: org.id, customerId: consumer.id, now: at("2026-03-21") });
    expect(panel.policy).toMatchObject({ name: "Consumers", why: "rule 1: consumer" });
    expect(panel.action).toMatchObject({ kind: "letter", stage: 1, dueOn: "2026-03-25", due: false });
    expect(panel.path.map((p) => `${p.label}=${p.state}@${p.on}`).slice(0, 3)).toEqual([
      "Courtesy reminder email=done@2026-03-17",
      "Phone call (task on Today): Call about the overdue invoice=planned@2026-03-22",
      "Letter 1=planned@2026-03-25",
    ]);

    // Two days after the due date: the call task, on Today, completed by logging the call.
    await workerDay("2026-03-22");
    const call = (await runs())[1];
    expect(call).toMatchObject({ stepKind: "call_task", anchorOn: new Date("2026-03-20T00:00:00Z") });
    expect(call.followUp).toMatchObject({
      taskKind: "call",
      createdById: null,
      note: "Consumers, step 2: Call about the overdue invoice",
    });
    const today = await loadToday(db, {
      orgId: org.id,
      now: at("2026-03-22"),
      timeZone: TZ,
      locale: "en-GB",
      mine: null,
      section: "callBacks",
      limit: 10,
    });
    expect(today.sections[0].items.map((i) => i.text)).toEqual([
      "Call back today: Consumers, step 2: Call about the overdue invoice — planned by the collection policy",
    ]);
    await completeFollowUp(db, {
      orgId: org.id,
      actor,
      followUpId: call.followUpId!,
      channel: "PHONE",
      direction: "OUTBOUND",
      outcome: "NO_ANSWER",
      occurredOn: "2026-03-22",
      time: "10:30",
      note: "No answer; voicemail full",
      now: at("2026-03-22"),
    });

    // Letter 1 is refused a day early and goes on the policy's day.
    await expect(send("2026-03-24", 1)).rejects.toMatchObject({ code: "TOO_EARLY" });
    expect(await dueOn("2026-03-25")).toContain("Ada Consumer:1");
    const letter1 = await send("2026-03-25", 1);

    // Halfway, the admin shortens the wait after letter 1: the sent letter is untouched, the next steps move.
    const changed = CONSUMERS.map((s) =>
      s.key === "call-2" ? { ...s, offsetDays: 2 } : s.key === "letter-2" ? { ...s, offsetDays: 20 } : s,
    );
    await savePolicy(db, { ...adminEditor, policyId, name: "Consumers", isDefault: false, steps: changed });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: org.id, kind: "workflow_policy.saved" },
      orderBy: { createdAt: "desc" },
    });
    const payload = audit.payload as { before: { steps: PolicyStep[] }; after: { steps: PolicyStep[] } };
    expect(payload.before.steps.find((s) => s.key === "letter-2")?.offsetDays).toBe(10);
    expect(payload.after.steps.find((s) => s.key === "letter-2")?.offsetDays).toBe(20);
    const stored = await db.letter.findUniqueOrThrow({ where: { id: letter1.letterId } });
    expect(stored.contentSha256).toBe(letter1.contentSha256);

    await workerDay("2026-03-26");
    expect((await runs()).length).toBe(2);
    await workerDay("2026-03-27");
    expect((await runs())[2]).toMatchObject({ stepKind: "call_task", anchorOn: new Date("2026-03-25T00:00:00Z") });
    // Letter 2: 2 + 20 days after letter 1 under the new policy (it was 4 + 10, and no letter goes
    // before the day after letter 1's deadline, 14 days after it, whatever the policy says).
    expect(await dueOn("2026-04-15")).not.toContain("Ada Consumer:2");
    expect(await dueOn("2026-04-16")).toContain("Ada Consumer:2");
    await send("2026-04-16", 2);
    // Letter 3: 14 days after letter 2 is the last day letter 2 gave; it goes the day after.
    expect(await dueOn("2026-04-30")).not.toContain("Ada Consumer:3");
    expect(await dueOn("2026-05-01")).toContain("Ada Consumer:3");
    await send("2026-05-01", 3);

    // A week after letter 3: the internal review, completed as a review (not as a call).
    await workerDay("2026-05-07");
    expect((await runs()).length).toBe(3);
    await workerDay("2026-05-08");
    const review = (await runs())[3];
    expect(review.followUp).toMatchObject({
      taskKind: "review",
      note: "Consumers, step 7: Review the history before hand-off",
    });
    await expect(
      completeFollowUp(db, {
        orgId: org.id,
        actor,
        followUpId: review.followUpId!,
        channel: "PHONE",
        direction: "OUTBOUND",
        outcome: "SPOKE",
        occurredOn: "2026-05-08",
        time: "10:00",
        note: "x",
        now: at("2026-05-08"),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await completeReview(db, {
      orgId: org.id,
      actor,
      followUpId: review.followUpId!,
      note: "History complete; ready for the agency",
      now: at("2026-05-08"),
    });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: review.followUpId! } })).toMatchObject({
      doneById: collector.id,
    });
    expect(await db.auditEvent.count({ where: { orgId: org.id, kind: "follow_up.reviewed" } })).toBe(1);

    // The business on Standard never got a reminder or a task.
    expect((await runs()).every((r) => r.customerId === consumer.id)).toBe(true);
  }, 240_000);

  it("an organization that makes no policy: every account follows Standard, and the worker does nothing", async () => {
    const org = await createOrg(db, { timeZone: TZ });
    const customer = await createCustomer(db, org.id, { type: "consumer" });
    await createInvoice(db, customer, { amountMinor: 10_000, dueDate: "2026-03-20" });
    const [panel] = await getAccountCollections(db, { orgId: org.id, customerId: customer.id, now: at("2026-03-21") });
    expect(panel.policy).toMatchObject({ id: null, name: "Standard", why: "the organization's default" });
    expect(panel.action).toMatchObject({ kind: "letter", stage: 1, dueOn: "2026-03-21", due: true });
    process.env.DUNNING_FROZEN_NOW = at("2026-03-17").toISOString();
    await addJob(db, RUN_POLICY_STEPS_JOB, { orgId: org.id }, { jobKey: `steps:${org.id}`, maxAttempts: 1 });
    await runDueJobs(inject("testDatabaseUrl"), policyStepsTasks(db));
    expect(await db.workflowStepRun.count({ where: { orgId: org.id } })).toBe(0);
  });
});
