import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import { CHARGE_KIND_LABEL, CHARGE_KINDS, type ChargeKind } from "@/lib/law/charges";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";

/**
 * One amount the hand-off can pass to an agency: an invoice's open balance or a
 * charge's unpaid part. `key` names it in the form ("invoice:<id>", "charge:<id>").
 */
export interface HandoffLine {
  key: string;
  kind: "invoice" | "charge";
  /** "Invoice", or the charge's kind ("Statutory interest", "Reminder fee", ...). */
  label: string;
  /** A charge's kind, so a document in the customer's language can name it in that language. */
  chargeKind?: ChargeKind;
  invoiceNumber: string | null;
  dueDate: DateOnly | null;
  amountMinor: number;
}

export interface HandoffClaim {
  /** The account's letter 3 in its open case (the formal notice where the country has one); null before it. */
  letter3: { id: string; sentAt: Date; deadline: DateOnly } | null;
  /** What letter 3 stated and is still unpaid: the pre-filled claim. */
  claimed: HandoffLine[];
  /** Anything else open on the account: handed over only when chosen, with a reason. */
  apart: (HandoffLine & { why: string })[];
  claimedMinor: number;
}

/** A line as kept on agency_handoffs.claim and in the audit record: no ids, readable on its own. */
export const handoffLineRecordSchema = z.object({
  source: z.enum(["letter_3", "included"]),
  kind: z.enum(["invoice", "charge"]),
  /** The English label as the form showed it; documents name the line from kind and chargeKind. */
  label: z.string(),
  /** Absent on hand-offs recorded before 2026-12-07: the pack falls back to the label. */
  chargeKind: z.enum(CHARGE_KINDS).optional(),
  invoiceNumber: z.string().nullable(),
  amountMinor: z.number().int(),
});
export type HandoffLineRecord = z.infer<typeof handoffLineRecordSchema>;

/** Reads agency_handoffs.claim back: [] for hand-offs recorded before it existed; malformed is an error. */
export const parseHandoffLines = (value: unknown): HandoffLineRecord[] =>
  z.array(handoffLineRecordSchema).parse(value ?? []);

export const handoffLineRecord = (l: HandoffLine, source: HandoffLineRecord["source"]): HandoffLineRecord => ({
  source,
  kind: l.kind,
  label: l.label,
  ...(l.chargeKind ? { chargeKind: l.chargeKind } : {}),
  invoiceNumber: l.invoiceNumber,
  amountMinor: l.amountMinor,
});

// letters.invoices as sent (lib/letters/render.ts LetterInvoice); only what the claim needs.
const statedInvoices = z.array(z.object({ invoiceId: z.string(), number: z.string(), openMinor: z.number().int() }));

/**
 * What letter 3 actually claimed of an account, as it stands today. An invoice
 * counts with its open balance, never more than letter 3 stated (a later payment
 * lowers it); a charge counts when letter 3 stated it: its own, and the earlier
 * letters' charges on the invoices it covered (lib/letters/letter-law.ts
 * priceLetter repeats those), less what was paid against it. A later invoice, one
 * letter 3 left out (not yet due, disputed at the time) and a charge on anything
 * else are listed apart: the agency gets them only if a collector says why.
 */
export async function loadHandoffClaim(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; caseId: string | null },
): Promise<HandoffClaim> {
  const account = { orgId: opts.orgId, customerId: opts.customerId, currency: opts.currency };
  const [letter3, invoices, charges] = await Promise.all([
    opts.caseId
      ? tx.letter.findFirst({
          where: { orgId: opts.orgId, caseId: opts.caseId, stage: 3 },
          select: { id: true, sentAt: true, deadlineDate: true, invoices: true },
        })
      : null,
    tx.invoice.findMany({
      where: account,
      select: { id: true, number: true, dueDate: true, amountMinor: true, paidMinor: true },
      orderBy: [{ dueDate: "asc" }, { number: "asc" }],
    }),
    tx.charge.findMany({
      where: account,
      select: {
        id: true,
        kind: true,
        invoiceId: true,
        invoiceNumber: true,
        amountMinor: true,
        letterId: true,
        letter: { select: { sentAt: true } },
        payments: { select: { amountMinor: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const stated = new Map(letter3 ? statedInvoices.parse(letter3.invoices).map((i) => [i.invoiceId, i.openMinor]) : []);
  const claimed: HandoffLine[] = [];
  const apart: HandoffClaim["apart"] = [];
  for (const i of invoices) {
    const open = toMinor(i.amountMinor) - toMinor(i.paidMinor);
    if (open <= 0) continue;
    const line = {
      key: `invoice:${i.id}`,
      kind: "invoice" as const,
      label: "Invoice",
      invoiceNumber: i.number,
      dueDate: dateOnlyFromDb(i.dueDate),
    };
    const statedOpen = stated.get(i.id);
    if (statedOpen === undefined) {
      apart.push({ ...line, amountMinor: open, why: "not in letter 3" });
      continue;
    }
    const inClaim = Math.min(open, statedOpen);
    if (inClaim > 0) claimed.push({ ...line, amountMinor: inClaim });
    // More open now than letter 3 stated (a payment reversed since): the difference was never claimed.
    if (open > inClaim) apart.push({ ...line, amountMinor: open - inClaim, why: "more than letter 3 stated" });
  }
  for (const c of charges) {
    const open = toMinor(c.amountMinor) - c.payments.reduce((s, p) => s + toMinor(p.amountMinor), 0);
    if (open <= 0) continue;
    const line = {
      key: `charge:${c.id}`,
      kind: "charge" as const,
      label: CHARGE_KIND_LABEL[c.kind] ?? c.kind,
      chargeKind: c.kind as ChargeKind,
      invoiceNumber: c.invoiceNumber,
      dueDate: null,
      amountMinor: open,
    };
    const statedByLetter3 =
      !!letter3 &&
      (c.letterId === letter3.id ||
        (!!c.invoiceId && stated.has(c.invoiceId) && c.letter.sentAt.getTime() <= letter3.sentAt.getTime()));
    if (statedByLetter3) claimed.push(line);
    else apart.push({ ...line, why: "not claimed by letter 3" });
  }
  return {
    letter3: letter3
      ? { id: letter3.id, sentAt: letter3.sentAt, deadline: dateOnlyFromDb(letter3.deadlineDate) }
      : null,
    claimed,
    apart,
    claimedMinor: claimed.reduce((s, l) => s + l.amountMinor, 0),
  };
}
