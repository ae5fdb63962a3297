import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { describe, expect, it } from "vitest";
import { runPolicySteps } from "@/lib/collections/run-policy-steps";
import type { PolicyStep } from "@/lib/policies/policy-steps";
import { savePolicy } from "@/lib/policies/save-policy";
import { dateOnlyToDb } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createOrg, createUser } from "./factories";

// The day many reminders fall due at once: the worker's pass writes each run, its
// audit event and its queued email, and a second pass (a retry, a second worker)
// writes nothing. POLICY_STEPS_N=1000 measures the issue's case; the default keeps it fast.

const db = useTestDb();
const N = Number(process.env.POLICY_STEPS_N ?? 100);
const TZ = "Europe/Oslo";

const step = (
  key: string,
  kind: PolicyStep["kind"],
  anchor: PolicyStep["anchor"],
  offsetDays: number,
  extra: Partial<PolicyStep> = {},
): PolicyStep => ({
  key,
  kind,
  anchor,
  offsetDays,
  stage: null,
  deadlineDays: null,
  note: "",
  ...extra,
});
const STEPS: PolicyStep[] = [
  step("remind", "reminder_email", "due_date", -3),
  step("call", "call_task", "due_date", 2, { note: "Call about the overdue invoice" }),
  ...[1, 2, 3, 4].map((stage) =>
    step(`letter-${stage}`, "letter", stage === 1 ? "due_date" : "previous_step", stage === 1 ? 7 : 14, {
      stage,
      deadlineDays: 14,
    }),
  ),
];

async function orgWithAccounts(n: number) {
  const org = await createOrg(db, { timeZone: TZ });
  const admin = await createUser(db, org.id, "ADMIN");
  await savePolicy(db, {
    orgId: org.id,
    userId: admin.id,
    role: "ADMIN",
    policyId: null,
    name: "Consumers",
    isDefault: true,
    steps: STEPS,
  });
  const customers = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    orgId: org.id,
    reference: `B-${org.id.slice(-6)}-${i}`,
    name: `Consumer ${i}`,
    type: "consumer" as const,
    countryCode: "US",
    currency: "EUR",
    email: `c${i}@example.com`,
  }));
  await db.customer.createMany({ data: customers });
  await db.invoice.createMany({
    data: customers.map((c, i) => ({
      id: randomUUID(),
      orgId: org.id,
      customerId: c.id,
      number: `INV-${i}`,
      issueDate: dateOnlyToDb("2026-02-20"),
      dueDate: dateOnlyToDb("2026-03-20"),
      amountMinor: 10_000n + BigInt(i),
      currency: "EUR",
    })),
  });
  return org;
}

const load = () => loadavg()[0].toFixed(1);

describe("the worker's pass the day many steps fall due", () => {
  it(`runs ${N} reminders and then ${N} call tasks once each, with their audit events and jobs; a retry writes nothing`, async () => {
    const org = await orgWithAccounts(N);
    const count = async () => ({
      runs: await db.workflowStepRun.count({ where: { orgId: org.id } }),
      audits: await db.auditEvent.count({ where: { orgId: org.id, kind: "workflow.step_run" } }),
      followUps: await db.followUp.count({ where: { orgId: org.id, createdById: null } }),
      jobs: Number(
        (
          await db.$queryRaw<{ n: bigint }[]>`
            SELECT count(*) AS n FROM graphile_worker.jobs j
            JOIN workflow_step_runs r ON j.key = 'policy-reminder:' || r.id
            WHERE r.org_id = ${org.id}::uuid`
        )[0].n,
      ),
    });

    // 17 March: 3 days before the due date, every reminder falls due.
    let t = performance.now();
    const reminders = await runPolicySteps(db, { orgId: org.id, now: instantAt("2026-03-17", "07:00", TZ) });
    const reminderMs = performance.now() - t;
    expect(reminders).toEqual({ reminders: N, tasks: 0 });
    expect(await count()).toEqual({ runs: N, audits: N, followUps: 0, jobs: N });
    const run = await db.workflowStepRun.findFirstOrThrow({ where: { orgId: org.id, stepKind: "reminder_email" } });
    expect(run).toMatchObject({
      policyName: "Consumers",
      recipient: expect.stringMatching(/@example\.com$/),
      runOn: dateOnlyToDb("2026-03-17"),
    });
    expect(run.subject.length).toBeGreaterThan(5);
    expect(run.body).toContain("20");

    // The same pass again (a retry, a second worker): nothing new.
    t = performance.now();
    expect(await runPolicySteps(db, { orgId: org.id, now: instantAt("2026-03-17", "08:00", TZ) })).toEqual({
      reminders: 0,
      tasks: 0,
    });
    const retryMs = performance.now() - t;
    expect(await count()).toEqual({ runs: N, audits: N, followUps: 0, jobs: N });

    // 22 March: two days overdue, every call task falls due and lands on Today.
    t = performance.now();
    expect(await runPolicySteps(db, { orgId: org.id, now: instantAt("2026-03-22", "07:00", TZ) })).toEqual({
      reminders: 0,
      tasks: N,
    });
    const taskMs = performance.now() - t;
    expect(await count()).toEqual({ runs: 2 * N, audits: 2 * N, followUps: N, jobs: N });
    const task = await db.workflowStepRun.findFirstOrThrow({
      where: { orgId: org.id, stepKind: "call_task" },
      include: { followUp: true },
    });
    expect(task.followUp).toMatchObject({
      customerId: task.customerId,
      taskKind: "call",
      dueOn: dateOnlyToDb("2026-03-22"),
      note: expect.stringContaining("Call about the overdue invoice"),
    });
    console.info(
      `policy steps, ${N} accounts: reminders ${reminderMs.toFixed(0)} ms (${(reminderMs / N).toFixed(1)} ms/step), ` +
        `retry ${retryMs.toFixed(0)} ms, call tasks ${taskMs.toFixed(0)} ms (${(taskMs / N).toFixed(1)} ms/step); load average ${load()}`,
    );
  }, 300_000);
});
