import { createDb } from "@/lib/db/client";
import { openScaleDatabase } from "@/lib/scale/scale-database";
import { parseScaleSize } from "@/lib/scale/scale-sizes";
import { SCALE_ORG_ID } from "@/lib/scale/generate-scale-data";
const database = await openScaleDatabase(parseScaleSize("1m"));
const db = createDb(database.url);
const orgId = SCALE_ORG_ID;
const rows = await db.$queryRaw<{ customer_id: string }[]>`SELECT customer_id FROM accounts WHERE org_id = ${orgId}::uuid AND oldest_open_due < '2026-11-25' OFFSET 5000 LIMIT 2500`;
for (let k = 0; k < 3; k++) {
  const customerIds = rows.slice(k * 500, k * 500 + 500).map((r) => r.customer_id);
  const time = async (name: string, f: () => Promise<unknown>) => { const t = performance.now(); await f(); return `${name} ${(performance.now() - t).toFixed(0)}`; };
  console.log((await Promise.all([
    time("invoices", () => db.invoice.findMany({ where: { orgId, customerId: { in: customerIds }, paidMinor: { lt: db.invoice.fields.amountMinor } }, select: { id: true, customerId: true, currency: true, number: true, issueDate: true, dueDate: true, amountMinor: true, paidMinor: true }, orderBy: [{ dueDate: "asc" }, { number: "asc" }] })),
  ])).join(" "));
  console.log(await time("disputes", () => db.invoiceDispute.findMany({ where: { orgId, customerId: { in: customerIds }, events: { none: { kind: "DISPUTE_RESOLVED" } } }, include: { invoice: { select: { number: true, currency: true } } } })));
  console.log(await time("cases", () => db.collectionCase.findMany({ where: { orgId, customerId: { in: customerIds }, closedAt: null }, include: { letters: { orderBy: { stage: "asc" }, include: { sentBy: { select: { name: true } }, events: { where: { kind: "REGISTERED_MAIL_TRACKING" }, orderBy: { createdAt: "desc" }, take: 1 } } }, promises: { orderBy: { promisedFor: "asc" } }, handoff: true } })));
  console.log(await time("answers", () => db.contactAttempt.groupBy({ by: ["customerId"], where: { orgId, customerId: { in: customerIds }, OR: [{ direction: "INBOUND" }, { outcome: "SPOKE" }] }, _max: { occurredAt: true } })));
  console.log(await time("payments", () => db.payment.findMany({ where: { orgId, customerId: { in: customerIds }, receivedOn: { gte: new Date("2024-06-01") } }, select: { customerId: true, currency: true, receivedOn: true, amountMinor: true } })));
}
await db.$disconnect();
await database.stop();
