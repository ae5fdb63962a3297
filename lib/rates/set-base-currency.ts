import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { isKnownCurrency } from "@/lib/money/money";

export const setBaseCurrencySchema = z.object({
  baseCurrency: z
    .string({ message: "Choose a currency." })
    .trim()
    .regex(/^[A-Z]{3}$/, "Choose a currency (ISO 4217, like EUR).")
    .refine(isKnownCurrency, "That is not an ISO 4217 currency code."),
});

/**
 * The currency the worklist and the report compare amounts in. Rates entered
 * against the old base stay as history and are not used; the worklist is
 * ranked again by trigger (organizations_base_currency_rerank).
 */
export async function setBaseCurrency(
  db: Db,
  opts: { orgId: string; userId: string; input: z.infer<typeof setBaseCurrencySchema> },
) {
  const after = opts.input.baseCurrency;
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId }, select: { baseCurrency: true } });
    const before = org.baseCurrency.trim();
    if (before === after) throw new AppError("INVALID_INPUT", `${after} is already the base currency.`);
    await tx.organization.update({ where: { id: opts.orgId }, data: { baseCurrency: after } });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.userId },
      { kind: "rates.base_currency_changed", payload: { before, after } },
    );
    return { message: `Amounts are now compared in ${after}. Enter or import rates against ${after}.` };
  });
}
