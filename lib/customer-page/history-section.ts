import type { SessionUser } from "@/lib/auth/session-user";
import { getContactHistory } from "@/lib/collections/contact-history";
import { listInternalNotes } from "@/lib/collections/internal-notes";
import { db } from "@/lib/db/client";
import { describeMovement } from "@/lib/ledger/customer-movements";
import { formatMoney } from "@/lib/money/money";
import { formatDateOnly } from "@/lib/time/dates";
import { customerReads } from "./request-scope";

/** The contact history with the money movements among it (on the day they happened), and the internal notes beside it. */
export async function loadHistorySection(user: SessionUser, customerId: string) {
  const scope = { orgId: user.orgId, customerId };
  const [history, ledger, notes] = await Promise.all([
    getContactHistory(db(), scope),
    customerReads(user, customerId).ledger(),
    listInternalNotes(db(), scope),
  ]);
  const f = {
    money: (minor: number, currency: string) => formatMoney(minor, currency, user.locale),
    day: (d: string) => formatDateOnly(d, user.locale),
  };
  const money = ledger.movements.map((m) => ({
    type: "money" as const,
    id: m.id,
    at: m.at,
    on: m.on,
    by: m.by,
    title: describeMovement(m, f),
    note: m.kind === "payment" || m.kind === "unapplied_payment" ? "" : m.reason,
  }));
  return { history, money, notes };
}
