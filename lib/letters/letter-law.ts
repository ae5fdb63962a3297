import { type DbOrTx, readAll } from "@/lib/db/client";
import type { LetterCharge } from "@/lib/law/charges";
import { checkCharges, checkLetter, customerTypeOrThrow } from "@/lib/law/check-letter";
import { computeCharges } from "@/lib/law/compute-charges";
import type { EarlierCharge, FeeAmounts } from "@/lib/law/fees";
import type { LawSettings } from "@/lib/law/law-settings-types";
import { loadFeeAmounts } from "@/lib/law/load-fee-amounts";
import { loadRates } from "@/lib/law/load-rates";
import { type CustomerType, type LawProfile, profileFor } from "@/lib/law/profile";
import type { RateSeriesId } from "@/lib/law/profile-types";
import type { RateRow } from "@/lib/law/rate-table";
import { toMinor } from "@/lib/money/money";
import type { Stage } from "@/lib/stages/stage";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import type { LetterInvoice } from "./render";

// The letters' use of lib/law: which profile, which charges, which rules to refuse on.

export interface LetterLaw {
  settings: LawSettings;
  profile: LawProfile;
  /** null when the customer lacks a country or a type: sending refuses, previews claim no charges. */
  customerType: CustomerType | null;
}

export function letterLaw(
  settings: LawSettings,
  customer: { countryCode: string | null; type: string | null },
): LetterLaw {
  const known = customer.countryCode && customer.type;
  return {
    settings,
    profile: profileFor(customer.countryCode),
    customerType: known ? (customer.type as CustomerType) : null,
  };
}

/** Days the letter gives: the policy's days plus postal days (a paper copy is always possible, e-mail is in addition). */
export function deadlineDaysFor(law: LetterLaw, policyDays: number): number {
  const type = law.customerType ?? "business";
  return policyDays + law.profile.byType[type].postalDays.value;
}

/**
 * The charges a letter claims: those recorded on its invoices by earlier
 * letters (still claimed) followed by the ones this letter adds.
 */
export async function priceLetter(
  tx: DbOrTx,
  opts: {
    orgId: string;
    customerId: string;
    law: LetterLaw;
    stage: Stage;
    letterDate: DateOnly;
    currency: string;
    invoices: LetterInvoice[];
  },
): Promise<{ earlier: LetterCharge[]; added: LetterCharge[] }> {
  const { law } = opts;
  if (!law.customerType || !opts.invoices.length) return { earlier: [], added: [] };
  const s = law.settings;
  const anyCharge =
    s.statutoryInterest || s.statutoryCompensation || s.reminderFee || s.contractualInterestPercent || s.flatFeeMinor;
  const invoiceIds = opts.invoices.map((i) => i.invoiceId);
  const needsRates = !!(anyCharge && s.statutoryInterest && law.profile.statutoryInterest);
  const needsAmounts = !!(
    (s.reminderFee && law.profile.reminderFee) ||
    (s.statutoryCompensation && law.profile.compensation)
  );
  // The earlier charges, and when anything is charged the payments and the rates (readAll: in order inside a transaction).
  const [earlierRows, payments, rates, amounts] = await readAll(tx, [
    () =>
      tx.charge.findMany({
        where: { orgId: opts.orgId, customerId: opts.customerId, invoiceId: { in: invoiceIds } },
        include: { letter: { select: { deadlineDate: true } } },
        orderBy: { createdAt: "asc" },
      }),
    () =>
      anyCharge
        ? tx.payment.findMany({
            where: { orgId: opts.orgId, invoiceId: { in: invoiceIds } },
            select: { invoiceId: true, receivedOn: true, amountMinor: true },
          })
        : Promise.resolve([]),
    () =>
      needsRates
        ? loadRates(tx, { orgId: opts.orgId })
        : Promise.resolve({ NO_POLICY: [], ECB_MRO: [], BOE_BANK: [] } as Record<RateSeriesId, RateRow[]>),
    () =>
      needsAmounts
        ? loadFeeAmounts(tx, { orgId: opts.orgId })
        : Promise.resolve({ NO_INKASSOSATS: [], NO_STANDARDKOMPENSASJON: [] } as FeeAmounts),
  ] as const);
  const earlier: LetterCharge[] = earlierRows.map((c) => ({
    kind: c.kind as LetterCharge["kind"],
    invoiceNumber: c.invoiceNumber,
    amountMinor: toMinor(c.amountMinor),
    currency: c.currency,
    ratePercent: c.ratePercent,
    fromDate: c.fromDate ? dateOnlyFromDb(c.fromDate) : null,
    toDate: c.toDate ? dateOnlyFromDb(c.toDate) : null,
    basis: c.basis,
  }));
  if (!anyCharge) return { earlier, added: [] };
  const added = computeCharges({
    profile: law.profile,
    customerType: law.customerType,
    settings: s,
    stage: opts.stage,
    letterDate: opts.letterDate,
    currency: opts.currency,
    invoices: opts.invoices.map((i) => ({
      number: i.number,
      dueDate: i.dueDate,
      amountMinor: i.amountMinor,
      payments: payments
        .filter((p) => p.invoiceId === i.invoiceId)
        .map((p) => ({ receivedOn: dateOnlyFromDb(p.receivedOn), amountMinor: toMinor(p.amountMinor) })),
    })),
    earlier: earlier.map((c, i) => ({
      ...c,
      letterDeadline: dateOnlyFromDb(earlierRows[i].letter.deadlineDate),
    })) satisfies EarlierCharge[],
    rates,
    amounts,
  });
  return { earlier, added };
}

/** Every legal refusal for sending: customer country/type, the profile's sending rules, the charges. */
export function assertLetterLawful(
  law: LetterLaw,
  customer: { countryCode: string | null; type: string | null; agreedToElectronicNotices: boolean },
  opts: {
    stage: Stage;
    letterDate: DateOnly;
    policyDeadlineDays: number;
    byEmail: boolean;
    invoices: LetterInvoice[];
    contactLogged: boolean;
    /** The bank account of the letter's currency, if recorded (loadLetterContext). */
    paymentAccount: { currency: string } | null;
    currency: string;
    earlier: LetterCharge[];
    added: LetterCharge[];
  },
): LawProfile {
  const type = customerTypeOrThrow(customer);
  const oldestDueDate = opts.invoices.map((i) => i.dueDate).sort()[0];
  checkLetter(law.profile, law.settings, {
    stage: opts.stage,
    letterDate: opts.letterDate,
    deadlineDays: opts.policyDeadlineDays,
    byEmail: opts.byEmail,
    oldestDueDate,
    customerType: type,
    agreedToElectronicNotices: customer.agreedToElectronicNotices,
    contactLogged: opts.contactLogged,
    paymentAccount: opts.paymentAccount,
    currency: opts.currency,
  });
  checkCharges(
    law.profile,
    type,
    opts.added,
    opts.earlier,
    new Map(opts.invoices.map((i) => [i.number, i.dueDate])),
    opts.letterDate,
  );
  return law.profile;
}
