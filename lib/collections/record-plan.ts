import { invalid, parseDay, parsePositiveAmount } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { dateOnlyToDb } from "@/lib/time/dates";
import { type AccountActionBase, lockCaseForCommitment } from "./record-promise";

export const MAX_INSTALMENTS = 24;

/** The plan form's text, one instalment per line: "2026-12-15 250.00". */
export function parseInstalmentLines(text: string): { dueOn: string; amount: string }[] {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.map((line, n) => {
    const m = /^(\S+)\s+(.+)$/.exec(line);
    if (!m) throw invalid("instalments", `Line ${n + 1}: write a date and an amount, like "2026-12-15 250.00".`);
    return { dueOn: m[1], amount: m[2] };
  });
}

/**
 * A payment plan: instalments are stored as promises of one plan, so the plan
 * pauses escalation while instalments are met and a missed one is a broken promise.
 */
export async function recordPlan(
  db: Db,
  input: AccountActionBase & { instalments: { amount: string; dueOn: string }[]; note?: string },
) {
  assertCanWork(input.actor);
  if (!input.instalments.length) throw invalid("instalments", "Add at least one instalment.");
  if (input.instalments.length > MAX_INSTALMENTS)
    throw invalid("instalments", `A plan has at most ${MAX_INSTALMENTS} instalments.`);
  const instalments = input.instalments.map((i, n) => ({
    amount: parsePositiveAmount(i.amount, input.currency, "instalments"),
    dueOn: parseDay(i.dueOn, "instalments"),
    n,
  }));
  for (let k = 1; k < instalments.length; k++) {
    if (instalments[k].dueOn <= instalments[k - 1].dueOn)
      throw invalid("instalments", `Instalment ${k + 1} must fall after instalment ${k}.`);
  }
  const total = instalments.reduce((s, i) => s + i.amount, 0);
  return db.$transaction(async (tx) => {
    const { customer, today, caseId, checkDate } = await lockCaseForCommitment(tx, input, total, "instalments");
    checkDate(instalments[0].dueOn, "instalments");
    checkDate(instalments.at(-1)!.dueOn, "instalments");
    const plan = await tx.paymentPlan.create({
      data: {
        orgId: input.orgId,
        customerId: customer.id,
        caseId,
        currency: input.currency,
        note: input.note?.trim() ?? "",
        userId: input.actor.userId,
      },
    });
    const created = [];
    for (const i of instalments) {
      const promise = await tx.paymentPromise.create({
        data: {
          orgId: input.orgId,
          customerId: customer.id,
          caseId,
          planId: plan.id,
          currency: input.currency,
          amountMinor: BigInt(i.amount),
          madeOn: dateOnlyToDb(today),
          promisedFor: dateOnlyToDb(i.dueOn),
          note: `Instalment ${i.n + 1} of ${instalments.length}`,
          userId: input.actor.userId,
        },
      });
      created.push({ promiseId: promise.id, amountMinor: i.amount, dueOn: i.dueOn });
    }
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      {
        kind: "plan.recorded",
        payload: { planId: plan.id, caseId, customerId: customer.id, currency: input.currency, instalments: created },
      },
    );
    return { planId: plan.id };
  });
}
