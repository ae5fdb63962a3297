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
import { fitsReferenceFormat, getAgencyOrThrow } from "./agencies";
import { type HandoffLine, handoffLineRecord, loadHandoffClaim } from "./handoff-claim";
import type { AccountActionBase } from "./record-promise";

/**
 * Records the hand-off of an account to a collection agency, allowed once
 * letter 3's deadline has passed. What goes over is what letter 3 claimed
 * (lib/collections/handoff-claim.ts); anything else open goes only when a
 * collector chose it (`include`) and wrote why, both kept on the row and in the
 * audit record. Afterwards the account leaves the worklist except for letter 4
 * (registered mail). One per case, by constraint.
 */
export async function recordHandoff(
  db: Db,
  input: AccountActionBase & {
    /** A saved agency: its name, address, email and payment details go into the hand-off; its reference format is checked. */
    agencyId?: string | null;
    /** The agency's name when none is chosen from the saved ones. */
    agency: string;
    reference: string;
    /** How the customer reaches and pays the agency; printed on letter 4 when given. */
    agencyContact?: string;
    agencyPaymentDetails?: string;
    handedOverOn: string;
    /** Less than the claim when the agency takes part of it; absent: the whole claim with what was included. */
    amount?: string;
    /** Keys of lines letter 3 never claimed ("invoice:<id>", "charge:<id>") to hand over too. */
    include?: string[];
    includeReason?: string;
  },
) {
  assertCanWork(input.actor);
  const reference = requireText(input.reference, "reference", "the agency's reference", 200);
  const handedOverOn = parseDay(input.handedOverOn, "handedOverOn");
  const givenAmount = input.amount?.trim() ? parsePositiveAmount(input.amount, input.currency) : null;
  const includeKeys = [...new Set(input.include ?? [])];
  const includeReason = input.includeReason?.trim() ?? "";
  if (includeKeys.length && includeReason.length < 10)
    throw invalid(
      "includeReason",
      "Say why the agency should collect what letter 3 did not claim (at least a few words).",
    );
  const saved = input.agencyId ? await getAgencyOrThrow(db, { orgId: input.orgId, agencyId: input.agencyId }) : null;
  const agency = saved?.name ?? requireText(input.agency, "agency", "the agency's name (or choose a saved one)", 200);
  if (saved && !fitsReferenceFormat(reference, saved.referenceFormat))
    throw invalid(
      "reference",
      `${saved.name}'s references look like ${saved.referenceFormat} (# a digit, @ a letter).`,
    );
  // What is typed wins; a saved agency fills in what is not (letter 4 prints both).
  const savedContact = saved ? [saved.address, saved.email].filter(Boolean).join(", ") : "";
  const agencyContact = input.agencyContact?.trim() || savedContact || null;
  const agencyPaymentDetails = input.agencyPaymentDetails?.trim() || saved?.paymentDetails || null;
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
    const claim = await loadHandoffClaim(tx, { ...input, caseId: theCase.id });
    const apart = new Map(claim.apart.map((l) => [l.key, l]));
    const included = includeKeys.map((key) => apart.get(key));
    if (included.some((l) => !l))
      throw invalid(
        "include",
        "Something you chose is no longer open or is part of letter 3's claim already; reload the page.",
      );
    const extra = included as HandoffLine[];
    const total = claim.claimedMinor + extra.reduce((s, l) => s + l.amountMinor, 0);
    const money = (minor: number) => formatMoney(minor, input.currency, org.locale);
    if (total <= 0)
      throw invalid("include", "Nothing letter 3 claimed is still open: choose what to hand over, and say why.");
    const amount = givenAmount ?? total;
    if (amount > total) {
      throw invalid(
        "amount",
        `${money(amount)} is more than letter 3 claimed (${money(claim.claimedMinor)})${extra.length ? ` with what you added (${money(total)} in all)` : ""}. To hand over more, include it below with a reason.`,
      );
    }
    const lines = [
      ...claim.claimed.map((l) => handoffLineRecord(l, "letter_3")),
      ...extra.map((l) => handoffLineRecord(l, "included")),
    ];
    const handoff = await tx.agencyHandoff.create({
      data: {
        orgId: input.orgId,
        customerId: customer.id,
        caseId: theCase.id,
        agency,
        reference,
        agencyContact,
        agencyPaymentDetails,
        agencyId: saved?.id ?? null,
        claim: lines,
        includedReason: extra.length ? includeReason : null,
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
          ...(saved ? { agencyId: saved.id } : {}),
          handedOverOn,
          currency: input.currency,
          amountMinor: amount,
          claimedMinor: claim.claimedMinor,
          ...(extra.length
            ? {
                included: extra.map(({ kind, label, invoiceNumber, amountMinor }) => ({
                  kind,
                  label,
                  invoiceNumber,
                  amountMinor,
                })),
                includedReason: includeReason,
              }
            : {}),
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
