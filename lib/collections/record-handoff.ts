import { invalid, parseDay, parsePositiveAmount, requireText } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { assertCanWork } from "@/lib/auth/actor";
import { lockOpenCase } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { emitEvent } from "@/lib/events/emit-event";
import { formatMoney, minorToPlain } from "@/lib/money/money";
import { dateOnlyToDb, formatDateOnly } from "@/lib/time/dates";
import { loadAccountContext } from "./account-context";
import type { AccountActionBase } from "./record-promise";

/**
 * Records the hand-off of an account to a collection agency, allowed once
 * letter 3's deadline has passed. Afterwards the account leaves the worklist
 * except for letter 4 (registered mail). One per case, by constraint.
 */
export async function recordHandoff(
  db: Db,
  input: AccountActionBase & {
    agency: string;
    reference: string;
    /** How the customer reaches and pays the agency; printed on letter 4 when given. */
    agencyContact?: string;
    agencyPaymentDetails?: string;
    handedOverOn: string;
    amount: string;
  },
) {
  assertCanWork(input.actor);
  const agency = requireText(input.agency, "agency", "the agency's name", 200);
  const reference = requireText(input.reference, "reference", "the agency's reference", 200);
  const handedOverOn = parseDay(input.handedOverOn, "handedOverOn");
  const amount = parsePositiveAmount(input.amount, input.currency);
  const agencyContact = input.agencyContact?.trim() || null;
  const agencyPaymentDetails = input.agencyPaymentDetails?.trim() || null;
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { id: input.customerId, orgId: input.orgId },
      select: { id: true },
    });
    if (!customer) throw new AppError("NOT_FOUND", "That customer was not found.");
    const theCase = await lockOpenCase(tx, {
      orgId: input.orgId,
      customerId: customer.id,
      currency: input.currency,
      userId: input.actor.userId,
      now: input.now,
    });
    const { state, today, org } = await loadAccountContext(tx, input);
    const day = (d: string) => formatDateOnly(d, org.locale);
    if (state.handoff)
      throw new AppError(
        "CONFLICT",
        `This account was already handed to ${state.handoff.agency} on ${day(state.handoff.handedOverOn)}.`,
      );
    const letter3 = state.letters.find((l) => l.stage === 3);
    if (!letter3) throw new AppError("TOO_EARLY", "An account goes to an agency only after letter 3.");
    if (today <= letter3.deadline)
      throw new AppError(
        "TOO_EARLY",
        `Letter 3's deadline is ${day(letter3.deadline)}; the hand-off can be recorded from the day after.`,
      );
    if (handedOverOn <= letter3.deadline || handedOverOn > today) {
      throw invalid(
        "handedOverOn",
        `The hand-off date must fall after letter 3's deadline (${day(letter3.deadline)}) and not after today.`,
      );
    }
    if (amount > state.openMinor) {
      throw invalid(
        "amount",
        `${formatMoney(amount, input.currency, org.locale)} is more than the open balance of ${formatMoney(state.openMinor, input.currency, org.locale)}.`,
      );
    }
    const handoff = await tx.agencyHandoff.create({
      data: {
        orgId: input.orgId,
        customerId: customer.id,
        caseId: theCase.id,
        agency,
        reference,
        agencyContact,
        agencyPaymentDetails,
        handedOverOn: dateOnlyToDb(handedOverOn),
        currency: input.currency,
        amountMinor: BigInt(amount),
        userId: input.actor.userId,
      },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      {
        kind: "handoff.recorded",
        payload: {
          handoffId: handoff.id,
          caseId: theCase.id,
          customerId: customer.id,
          agency,
          reference,
          ...(agencyContact ? { agencyContact } : {}),
          ...(agencyPaymentDetails ? { agencyPaymentDetails } : {}),
          handedOverOn,
          currency: input.currency,
          amountMinor: amount,
        },
      },
    );
    await emitEvent(tx, {
      orgId: input.orgId,
      type: "account.handed_off",
      data: {
        handoffId: handoff.id,
        customerId: customer.id,
        agency,
        reference,
        handedOverOn,
        currency: input.currency,
        amount: minorToPlain(amount, input.currency),
      },
      at: input.now,
    });
    return { handoffId: handoff.id };
  });
}
