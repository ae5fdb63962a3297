import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudits } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import type { CustomerType } from "@/lib/generated/prisma/enums";
import { jobType } from "@/lib/jobs/define-task";
import { addJobs } from "@/lib/jobs/queue";
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
// unique key (workflow_step_runs_once) is taken in the same transaction as its effects,
// a chunk of accounts at a time (writeRuns).

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
  const planned: PlannedRun[] = [];
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
    for (const step of due)
      planned.push(
        planRun(ctx, {
          key,
          policy: { id: policy.id, name: policy.name },
          step,
          customer: customerOf.get(key.customerId)!,
        }),
      );
  }
  return writeRuns(db, ctx, planned);
}

/** One due step, with everything it writes worked out before the transaction. */
interface PlannedRun {
  id: string;
  key: AccountKey;
  policy: { id: string | null; name: string };
  step: DueStep;
  reminder: { recipient: string; subject: string; body: string } | null;
  followUp: { id: string; dueOn: DateOnly; note: string; taskKind: "call" | "review" } | null;
}

function planRun(
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
): PlannedRun {
  const { key, policy, step, customer } = input;
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
    return {
      id: randomUUID(),
      key,
      policy,
      step,
      reminder: { recipient: customer.email, subject, body: text },
      followUp: null,
    };
  }
  return {
    id: randomUUID(),
    key,
    policy,
    step,
    reminder: null,
    followUp: {
      id: randomUUID(),
      dueOn: step.dueOn,
      note: `${policy.name}, step ${step.index + 1}: ${step.step.note}`,
      taskKind: step.step.kind === "call_task" ? "call" : "review",
    },
  };
}

/**
 * A chunk's due steps in one transaction, set-based: the run rows in one INSERT that
 * takes each step's unique key (workflow_step_runs_once) and returns the ones it got, then
 * for those only the follow-ups, their links, the audit events and the queued emails, each
 * one statement. A retry or a second worker gets no key and writes nothing; a step another
 * worker took meanwhile is simply not returned. One transaction per chunk instead of per
 * step: the issue measured ~59 ms a step that way when 1,000 reminders fell due on one day.
 */
async function writeRuns(db: Db, ctx: Context, planned: PlannedRun[]): Promise<PolicyStepsResult> {
  if (!planned.length) return { reminders: 0, tasks: 0 };
  return db.$transaction(
    async (tx) => {
      const col = <T>(f: (r: PlannedRun) => T) => planned.map(f);
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO workflow_step_runs (id, org_id, customer_id, currency, policy_id, policy_name, step_key, step_kind,
                                        anchor_on, run_on, invoice_ids, recipient, subject, body)
        SELECT r.id, ${ctx.orgId}::uuid, r.customer_id, r.currency, r.policy_id, r.policy_name, r.step_key, r.step_kind,
               r.anchor_on, ${ctx.today}::date, string_to_array(r.invoice_ids, ','), r.recipient, r.subject, r.body
        FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.key.customerId)}::uuid[], ${col((r) => r.key.currency)}::text[],
                    ${col((r) => r.policy.id)}::uuid[], ${col((r) => r.policy.name)}::text[], ${col((r) => r.step.step.key)}::text[],
                    ${col((r) => r.step.step.kind)}::text[], ${col((r) => r.step.anchorOn)}::date[],
                    ${col((r) => r.step.invoices.map((i) => i.id).join(","))}::text[],
                    ${col((r) => r.reminder?.recipient ?? "")}::text[], ${col((r) => r.reminder?.subject ?? "")}::text[],
                    ${col((r) => r.reminder?.body ?? "")}::text[])
             AS r(id, customer_id, currency, policy_id, policy_name, step_key, step_kind, anchor_on, invoice_ids, recipient, subject, body)
        ON CONFLICT (customer_id, currency, step_key, anchor_on) DO NOTHING
        RETURNING id`;
      const got = new Set(claimed.map((c) => c.id));
      const runs = planned.filter((r) => got.has(r.id));
      const tasks = runs.filter((r) => r.followUp);
      if (tasks.length) {
        await tx.followUp.createMany({
          data: tasks.map((r) => ({
            id: r.followUp!.id,
            orgId: ctx.orgId,
            customerId: r.key.customerId,
            dueOn: dateOnlyToDb(r.followUp!.dueOn),
            note: r.followUp!.note,
            taskKind: r.followUp!.taskKind,
            createdById: null,
          })),
        });
        await tx.$executeRaw`
          UPDATE workflow_step_runs w SET follow_up_id = v.follow_up_id
          FROM unnest(${tasks.map((r) => r.id)}::uuid[], ${tasks.map((r) => r.followUp!.id)}::uuid[]) AS v(id, follow_up_id)
          WHERE w.id = v.id`;
      }
      await recordAudits(
        tx,
        { orgId: ctx.orgId, userId: null },
        runs.map((r) => ({
          kind: "workflow.step_run" as const,
          payload: {
            runId: r.id,
            customerId: r.key.customerId,
            currency: r.key.currency,
            policyName: r.policy.name,
            stepKind: r.step.step.kind,
            anchorOn: r.step.anchorOn,
            followUpId: r.followUp?.id ?? null,
          },
        })),
      );
      const reminders = runs.filter((r) => r.reminder);
      await addJobs(
        tx,
        SEND_POLICY_REMINDER_JOB,
        reminders.map((r) => ({ payload: { runId: r.id }, jobKey: `policy-reminder:${r.id}` })),
        { maxAttempts: 4 },
      );
      return { reminders: reminders.length, tasks: tasks.length };
    },
    { timeout: 60_000 },
  );
}
