import { z } from "zod";
import type { AccountKey } from "@/lib/collections/account-state";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// Accounts a collector ticked on the worklist or the report: "customerId:CUR" for
// one account, or a bare customer id for all of that customer's accounts. The
// checkboxes post one value each under the same name (the action lists the field
// in `listFields`), so one box ticked arrives as a string.

/** The most accounts one selection may hold: a few pages of the worklist. */
export const MAX_SELECTION = 100;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const KEY = new RegExp(`^(${UUID})(?::([A-Z]{3}))?$`, "i");

export interface SelectedAccount {
  customerId: string;
  /** null: every account (currency) of the customer. */
  currency: string | null;
}

export const selectionField = z
  .preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z
      .array(z.string().trim().regex(KEY, "That is not an account of the list."), {
        message: "Tick at least one account.",
      })
      .min(1, "Tick at least one account.")
      .max(MAX_SELECTION, `Tick at most ${MAX_SELECTION} accounts at a time.`),
  )
  .transform((keys): SelectedAccount[] => {
    const unique = new Map<string, SelectedAccount>();
    for (const key of keys) {
      const [, customerId, currency] = KEY.exec(key)!;
      const account = { customerId: customerId.toLowerCase(), currency: currency?.toUpperCase() ?? null };
      unique.set(`${account.customerId}:${account.currency ?? ""}`, account);
    }
    return [...unique.values()];
  });

/** The value a row's checkbox posts. */
export const selectionValue = (a: AccountKey) => `${a.customerId}:${a.currency}`;

/** The plan page's address for a selection (none: every due letter). */
export function planHref(selection: SelectedAccount[] | null): string {
  if (!selection?.length) return "/worklist/send-plan";
  const query = new URLSearchParams(
    selection.map((s) => ["a", s.currency ? `${s.customerId}:${s.currency}` : s.customerId]),
  );
  return `/worklist/send-plan?${query}`;
}

/**
 * The selected accounts as keys, in the order selected, after checking that every
 * customer is the organization's (NOT_FOUND naming how many are not, so nothing
 * is planned or changed for a selection with a stranger in it). A bare customer id
 * stands for each of its accounts; a customer with no invoices in a currency
 * keeps the key, and the plan says nothing is overdue there.
 */
export async function resolveSelection(
  tx: DbOrTx,
  opts: { orgId: string; selection: SelectedAccount[] },
): Promise<AccountKey[]> {
  const ids = [...new Set(opts.selection.map((s) => s.customerId))];
  const [customers, accounts] = await Promise.all([
    tx.customer.findMany({ where: { orgId: opts.orgId, id: { in: ids } }, select: { id: true, currency: true } }),
    tx.account.findMany({
      where: { orgId: opts.orgId, customerId: { in: ids } },
      select: { customerId: true, currency: true },
      orderBy: { currency: "asc" },
    }),
  ]);
  const missing = ids.length - customers.length;
  if (missing)
    throw new AppError(
      "NOT_FOUND",
      missing === 1
        ? "One of the ticked customers was not found. Reload the page and tick again."
        : `${missing} of the ticked customers were not found. Reload the page and tick again.`,
    );
  const keys = new Map<string, AccountKey>();
  for (const s of opts.selection) {
    const theirs = accounts.filter((a) => a.customerId === s.customerId).map((a) => a.currency.trim());
    const currencies = s.currency
      ? [s.currency]
      : theirs.length
        ? theirs
        : [customers.find((c) => c.id === s.customerId)!.currency.trim()];
    for (const currency of currencies) keys.set(`${s.customerId}:${currency}`, { customerId: s.customerId, currency });
  }
  return [...keys.values()];
}
