import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import type { CustomerType } from "@/lib/generated/prisma/enums";
import { jobType } from "@/lib/jobs/define-task";
import { addJob } from "@/lib/jobs/queue";
import { type DueStep, dueSideSteps, runKey } from "@/lib/policies/due-steps";
import { reminderEmail } from "@/lib/policies/reminder-email";
import { type DateOnly, dateOnlyFromDb, dateOnlyToDb, todayIn } from "@/lib/time/dates";
import { loadAccountPolicies } from "./account-policies";
import { type AccountKey, accountKey, loadAccountStates } from "./account-state";
import { activePause } from "./policy";

// The worker's daily pass over the policies' steps besides letters: a courtesy
// reminder is written and queued for sending (SEND_POLICY_REMINDER_JOB, lib/delivery),
// a call or review becomes a follow-up on Today. Letters stay with the worklist and a
// person (or "send all due letters"). Each step runs once per anchor: the run row's
// unique key (workflow_step_runs_once) is taken in the same transaction as its effects.

export const SEND_POLICY_REMINDER_TASK = "send_policy_reminder";
export const SEND_POLICY_REMINDER_JOB = jobType(SEND_POLICY_REMINDER_TASK, z.object({ runId: z.uuid() }));

const CHUNK = 500;

export interface PolicyStepsResult {
  reminders: number;
  tasks: number;
}

export async function runPolicySteps(db: Db, opts: { orgId: string; now: Date }): Promise<PolicyStepsResult> {
  const result: PolicyStepsResult = { reminders: 0, tasks: 0 };
  // An organization whose policies are only letters (every one that never made a policy) costs one query.
  const named = await db.workflowPolicy.findMany({ where: { orgId: opts.orgId }, select: { steps: true } });
  if (!named.some((p) => (p.steps as { kind?: string }[]).some((s) => s.kind !== "letter"))) return result;
  const org = await db.organization.findUniqueOrThrow({
    where: { id: opts.orgId },
    select: { timeZone: true, locale: true, name: true, phone: true, email: true },
  });
  const today = todayIn(org.timeZone, opts.now);
  let after: { customerId: string; currency: string } | null = null;
  for (;;) {
    // Accounts with something open, keyset-paged in primary-key order.
    const page: AccountKey[] = (
      await db.account.findMany({
        where: {
          orgId: opts.orgId,
          openMinor: { gt: 0 },
          ...(after
            ? {
                OR: [
                  { customerId: { gt: after.customerId } },
                  { customerId: after.customerId, currency: { gt: after.currency } },
                ],
              }
            : {}),
        },
        orderBy: [{ customerId: "asc" }, { currency: "asc" }],
        take: CHUNK,
        select: { customerId: true, currency: true },
      })
    ).map((a) => ({ customerId: a.customerId, currency: a.currency.trim() }));
    if (!page.length) break;
    after = page[page.length - 1];
    const done = await runChunk(db, { ...opts, today, org }, page);
    result.reminders += done.reminders;
    result.tasks += done.tasks;
  }
  return result;
}

type Context = {
  orgId: string;
  today: DateOnly;
  org: { timeZone: string; locale: string; name: string; phone: string; email: string };
};

async function runChunk(db: Db, ctx: Context, keys: AccountKey[]): Promise<PolicyStepsResult> {
  const customerIds = [...new Set(keys.map((k) => k.customerId))];
  const [states, policyOf, runs, customers] = await Promise.all([
    loadAccountStates(db, { orgId: ctx.orgId, timeZone: ctx.org.timeZone, today: ctx.today, accounts: keys }),
    loadAccountPolicies(db, { orgId: ctx.orgId, customerIds }),
    db.workflowStepRun.findMany({
      where: { orgId: ctx.orgId, customerId: { in: customerIds } },
      select: { customerId: true, currency: true, stepKey: true, anchorOn: true },
    }),
    db.customer.findMany({
      where: { orgId: ctx.orgId, id: { in: customerIds } },
      select: {
        id: true,
        name: true,
        email: true,
        contactPerson: true,
        salutation: true,
        type: true,
        language: true,
        countryCode: true,
      },
    }),
  ]);
  const doneBy = new Map<string, Set<string>>();
  for (const r of runs) {
    const k = accountKey({ customerId: r.customerId, currency: r.currency.trim() });
    if (!doneBy.has(k)) doneBy.set(k, new Set());
    doneBy.get(k)!.add(runKey(r.stepKey, dateOnlyFromDb(r.anchorOn)));
  }
  const customerOf = new Map(customers.map((c) => [c.id, c]));
  const result: PolicyStepsResult = { reminders: 0, tasks: 0 };
  for (const key of keys) {
    const state = states.get(accountKey(key))!;
    const policy = policyOf(state);
    if (policy.steps.every((s) => s.kind === "letter")) continue;
    const due = dueSideSteps(
      policy.steps,
      {
        invoices: state.facts.invoices,
        letters: state.facts.letters,
        paused: activePause(state.facts, ctx.today) !== null || state.handoff !== null,
      },
      ctx.today,
      doneBy.get(accountKey(key)) ?? new Set(),
    );
    for (const step of due) {
      const ran = await runStep(db, ctx, {
        key,
        policy: { id: policy.id, name: policy.name },
        step,
        customer: customerOf.get(key.customerId)!,
      });
      if (ran === "reminder") result.reminders++;
      if (ran === "task") result.tasks++;
    }
  }
  return result;
}

async function runStep(
  db: Db,
  ctx: Context,
  input: {
    key: AccountKey;
    policy: { id: string | null; name: string };
    step: DueStep;
    customer: {
      id: string;
      name: string;
      email: string;
      contactPerson: string;
      salutation: string;
      type: CustomerType;
      language: "en" | "it" | "nb";
      countryCode: string | null;
    };
  },
): Promise<"reminder" | "task" | null> {
  const { key, policy, step, customer } = input;
  return db.$transaction(async (tx) => {
    // Taken first: a second worker (or a retry) stops here, before any effect.
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO workflow_step_runs (id, org_id, customer_id, currency, policy_id, policy_name, step_key, step_kind, anchor_on, run_on, invoice_ids)
      VALUES (gen_random_uuid(), ${ctx.orgId}::uuid, ${key.customerId}::uuid, ${key.currency}, ${policy.id}::uuid, ${policy.name},
              ${step.step.key}, ${step.step.kind}, ${step.anchorOn}::date, ${ctx.today}::date, ${step.invoices.map((i) => i.id)}::text[])
      ON CONFLICT (customer_id, currency, step_key, anchor_on) DO NOTHING RETURNING id`;
    if (!claimed.length) return null;
    const runId = claimed[0].id;
    let followUpId: string | null = null;
    if (step.step.kind === "reminder_email") {
      const { subject, text } = reminderEmail({
        language: customer.language,
        countryCode: customer.countryCode,
        locale: ctx.org.locale,
        contactPerson: customer.contactPerson,
        salutation: customer.salutation,
        customerName: customer.name,
        customerType: customer.type,
        currency: key.currency,
        invoices: step.invoices,
        today: ctx.today,
        org: ctx.org,
      });
      await tx.workflowStepRun.update({
        where: { id: runId },
        data: { recipient: customer.email, subject, body: text },
      });
      await addJob(tx, SEND_POLICY_REMINDER_JOB, { runId }, { jobKey: `policy-reminder:${runId}`, maxAttempts: 4 });
    } else {
      const followUp = await tx.followUp.create({
        data: {
          orgId: ctx.orgId,
          customerId: key.customerId,
          dueOn: dateOnlyToDb(step.dueOn),
          note: `${policy.name}, step ${step.index + 1}: ${step.step.note}`,
          taskKind: step.step.kind === "call_task" ? "call" : "review",
          createdById: null,
        },
      });
      followUpId = followUp.id;
      await tx.workflowStepRun.update({ where: { id: runId }, data: { followUpId } });
    }
    await recordAudit(
      tx,
      { orgId: ctx.orgId, userId: null },
      {
        kind: "workflow.step_run",
        payload: {
          runId,
          customerId: key.customerId,
          currency: key.currency,
          policyName: policy.name,
          stepKind: step.step.kind,
          anchorOn: step.anchorOn,
          followUpId,
        },
      },
    );
    return step.step.kind === "reminder_email" ? "reminder" : "task";
  });
}
