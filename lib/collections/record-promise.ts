import { invalid, parseDay, parsePositiveAmount } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { lockOpenCase } from "@/lib/cases/open-case";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { Db, DbOrTx } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit-event";
import { formatMoney, minorToPlain } from "@/lib/money/money";
import { addDaysTo, type DateOnly, dateOnlyToDb, formatDateOnly, todayIn } from "@/lib/time/dates";
import { accountOpenMinor } from "./account-balance";
import { brokenPromiseIds, recordBrokenPromises } from "./record-broken-promises";

export interface AccountActionBase {
  orgId: string;
  actor: Actor;
  customerId: string;
  currency: string;
  now: Date;
}

/**
 * Locks the account's case for a promise or a plan after checking there is
 * something to promise: a paid account gets a clear refusal and no case.
 */
export async function lockCaseForCommitment(
  tx: DbOrTx,
  input: AccountActionBase,
  totalMinor: number,
  amountField = "amount",
) {
  const customer = await getCustomerOrThrow(tx, input);
  const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId } });
  const today = todayIn(org.timeZone, input.now);
  const theCase = await lockOpenCase(tx, {
    orgId: input.orgId,
    customerId: customer.id,
    currency: input.currency,
    userId: input.actor.userId,
    now: input.now,
  });
  // A new commitment after a broken one acts on it: the breach goes into the history first.
  const broken = await brokenPromiseIds(tx, {
    orgId: input.orgId,
    customerId: customer.id,
    currency: input.currency,
    caseId: theCase.id,
    today,
  });
  await recordBrokenPromises(tx, {
    orgId: input.orgId,
    customerId: customer.id,
    caseId: theCase.id,
    promiseIds: broken,
    today,
    userId: input.actor.userId,
    note: "Recorded when a new promise or plan was made.",
  });
  const open = await accountOpenMinor(tx, { ...input, customerId: customer.id });
  const money = (m: number) => formatMoney(m, input.currency, org.locale);
  if (open === 0)
    throw invalid(amountField, `${customer.name} has nothing open in ${input.currency}; there is nothing to promise.`);
  if (totalMinor > open)
    throw invalid(amountField, `${money(totalMinor)} is more than the open balance of ${money(open)}.`);
  const checkDate = (d: DateOnly, field: string) => {
    if (d < today)
      throw invalid(field, `The date cannot be in the past (today is ${formatDateOnly(today, org.locale)}).`);
    if (d > addDaysTo(today, 366)) throw invalid(field, "The date must be within a year.");
  };
  return { customer, org, today, caseId: theCase.id, checkDate };
}

/** A promise to pay `amount` by `promisedFor`: pauses escalation until that date (lib/collections/policy.ts). */
export async function recordPromise(
  db: Db,
  input: AccountActionBase & { amount: string; promisedFor: string; note?: string },
) {
  assertCanWork(input.actor);
  const amount = parsePositiveAmount(input.amount, input.currency);
  const promisedFor = parseDay(input.promisedFor, "promisedFor");
  return db.$transaction(async (tx) => {
    const { customer, today, caseId, checkDate } = await lockCaseForCommitment(tx, input, amount);
    checkDate(promisedFor, "promisedFor");
    const promise = await tx.paymentPromise.create({
      data: {
        orgId: input.orgId,
        customerId: customer.id,
        caseId,
        currency: input.currency,
        amountMinor: BigInt(amount),
        madeOn: dateOnlyToDb(today),
        promisedFor: dateOnlyToDb(promisedFor),
        note: input.note?.trim() ?? "",
        userId: input.actor.userId,
      },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      {
        kind: "promise.recorded",
        payload: {
          promiseId: promise.id,
          caseId,
          customerId: customer.id,
          currency: input.currency,
          amountMinor: amount,
          promisedFor,
        },
      },
    );
    await emitEvent(tx, {
      orgId: input.orgId,
      type: "promise.made",
      data: {
        promiseId: promise.id,
        customerId: customer.id,
        currency: input.currency,
        amount: minorToPlain(amount, input.currency),
        promisedFor,
      },
      at: input.now,
    });
    return { promiseId: promise.id };
  });
}
