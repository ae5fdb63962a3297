import { z } from "zod";
import { getCustomerCredits } from "@/lib/aging/account-credit";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { toMinor } from "@/lib/money/money";
import { dateOnlyFromDb, daysBetween, todayIn } from "@/lib/time/dates";
import { amountOut, currency, day, plain, reference } from "./fields";

/** Open invoices listed per customer: more than any real account has; `openInvoicesComplete` says when cut. */
export const OPEN_INVOICE_LIMIT = 1000;

export const customerReadSchema = z
  .object({
    id: z.uuid(),
    reference,
    name: z.string(),
    countryCode: z.string().nullable(),
    type: z.string(),
    language: z.string(),
    currency,
    email: z.string(),
    contactPerson: z.string(),
    phone: z.string(),
    addressLine1: z.string(),
    addressLine2: z.string(),
    postalCode: z.string(),
    city: z.string(),
    vatNumber: z.string(),
    registrationNumber: z.string(),
    preferredChannel: z.enum(["post", "email"]),
    dunningPaused: z.boolean(),
    asOf: day,
    balances: z.array(
      z.object({
        currency,
        open: amountOut.meta({ description: "Sum of the open invoices' open amounts." }),
        credit: amountOut.meta({ description: "Unapplied cash and credit notes to no invoice." }),
      }),
    ),
    openInvoices: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        currency,
        issueDate: day,
        dueDate: day,
        amount: amountOut,
        open: amountOut,
        daysPastDue: z.int(),
        kid: z.string().nullable(),
      }),
    ),
    openInvoicesComplete: z.boolean(),
  })
  .meta({ id: "Customer" });

/** GET /customers/{reference}: the customer, its open invoices (oldest due first) and its balance and credit per currency. */
export async function readCustomer(tx: DbOrTx, opts: { orgId: string; reference: string; now: Date }) {
  const customer = await tx.customer.findFirst({ where: { orgId: opts.orgId, reference: opts.reference } });
  if (!customer) throw new AppError("NOT_FOUND", `No customer has the reference "${opts.reference}".`);
  const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId }, select: { timeZone: true } });
  const today = todayIn(org.timeZone, opts.now);
  const [invoices, accounts, credits] = await Promise.all([
    tx.invoice.findMany({
      where: { orgId: opts.orgId, customerId: customer.id, paidMinor: { lt: tx.invoice.fields.amountMinor } },
      orderBy: [{ dueDate: "asc" }, { number: "asc" }],
      take: OPEN_INVOICE_LIMIT + 1,
    }),
    tx.account.findMany({ where: { customerId: customer.id }, select: { currency: true, openMinor: true } }),
    getCustomerCredits(tx, { orgId: opts.orgId, customerId: customer.id, asOf: today }),
  ]);
  const currencies = [
    ...new Set([
      ...accounts.filter((a) => a.openMinor > 0n).map((a) => a.currency.trim()),
      ...credits.map((c) => c.currency.trim()),
    ]),
  ].sort();
  return {
    id: customer.id,
    reference: customer.reference,
    name: customer.name,
    countryCode: customer.countryCode?.trim() ?? null,
    type: customer.type,
    language: customer.language,
    currency: customer.currency.trim(),
    email: customer.email,
    contactPerson: customer.contactPerson,
    phone: customer.phone,
    addressLine1: customer.addressLine1,
    addressLine2: customer.addressLine2,
    postalCode: customer.postalCode,
    city: customer.city,
    vatNumber: customer.vatNumber,
    registrationNumber: customer.registrationNumber,
    preferredChannel: customer.preferredChannel,
    dunningPaused: customer.dunningPausedReason !== null,
    asOf: today,
    balances: currencies.map((code) => ({
      currency: code,
      open: plain(toMinor(accounts.find((a) => a.currency.trim() === code)?.openMinor ?? 0n), code),
      credit: plain(credits.find((c) => c.currency.trim() === code)?.credit ?? 0, code),
    })),
    openInvoices: invoices.slice(0, OPEN_INVOICE_LIMIT).map((i) => {
      const dueDate = dateOnlyFromDb(i.dueDate);
      const code = i.currency.trim();
      return {
        id: i.id,
        number: i.number,
        currency: code,
        issueDate: dateOnlyFromDb(i.issueDate),
        dueDate,
        amount: plain(toMinor(i.amountMinor), code),
        open: plain(toMinor(i.amountMinor) - toMinor(i.paidMinor), code),
        daysPastDue: Math.max(0, daysBetween(dueDate, today)),
        kid: i.kid,
      };
    }),
    openInvoicesComplete: invoices.length <= OPEN_INVOICE_LIMIT,
  };
}
