import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, daysBetween } from "@/lib/time/dates";

/** Fetches a customer of the organization, or throws NOT_FOUND: the one ownership check. */
export async function getCustomerOrThrow(tx: DbOrTx, opts: { orgId: string; customerId: string }) {
  const customer = await tx.customer.findFirst({ where: { id: opts.customerId, orgId: opts.orgId } });
  if (!customer) throw notFound("That customer");
  return customer;
}

export interface InvoiceLine {
  id: string;
  number: string;
  currency: string;
  issueDate: DateOnly;
  dueDate: DateOnly;
  amount: number;
  paid: number;
  open: number;
  daysPastDue: number;
  /** A copy of the invoice (PDF) is stored and goes with letters. */
  hasPdf: boolean;
}

export const CUSTOMER_INVOICE_LIMIT = 200;

/** The customer page: invoices with paid/open/days past due, and the contact history newest first. */
export async function getCustomerAccount(tx: DbOrTx, opts: { orgId: string; customerId: string; today: DateOnly }) {
  const customer = await getCustomerOrThrow(tx, opts);
  const [invoices, contacts] = await Promise.all([
    tx.invoice.findMany({
      where: { customerId: customer.id, orgId: opts.orgId },
      orderBy: [{ dueDate: "desc" }, { number: "desc" }],
      take: CUSTOMER_INVOICE_LIMIT,
    }),
    tx.contactAttempt.findMany({
      where: { customerId: customer.id, orgId: opts.orgId },
      orderBy: { occurredAt: "desc" },
      take: 200,
      include: { user: { select: { name: true } }, letter: { select: { id: true, stage: true, subject: true } } },
    }),
  ]);
  const lines: InvoiceLine[] = invoices.map((inv) => {
    const amount = toMinor(inv.amountMinor);
    const paid = toMinor(inv.paidMinor);
    const dueDate = dateOnlyFromDb(inv.dueDate);
    return {
      id: inv.id,
      number: inv.number,
      currency: inv.currency,
      issueDate: dateOnlyFromDb(inv.issueDate),
      dueDate,
      amount,
      paid,
      open: amount - paid,
      daysPastDue: daysBetween(dueDate, opts.today),
      hasPdf: inv.pdfSha256 !== null,
    };
  });
  const totals = await tx.$queryRaw<{ currency: string; open: bigint; overdue: bigint }[]>`
    SELECT currency, sum(amount_minor - paid_minor) AS open,
      COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE due_date < ${opts.today}::date), 0) AS overdue
    FROM invoices
    WHERE org_id = ${opts.orgId}::uuid AND customer_id = ${customer.id}::uuid AND paid_minor < amount_minor
    GROUP BY currency ORDER BY currency`;
  return {
    customer,
    invoices: lines,
    totals: totals.map((t) => ({ currency: t.currency, open: toMinor(t.open), overdue: toMinor(t.overdue) })),
    contacts: contacts.map((c) => ({
      id: c.id,
      occurredAt: c.occurredAt,
      channel: c.channel,
      direction: c.direction,
      outcome: c.outcome,
      note: c.note,
      by: c.user?.name ?? "System",
      letter: c.letter,
    })),
  };
}
