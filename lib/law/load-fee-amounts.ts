import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { dateOnlyFromDb } from "@/lib/time/dates";
import type { FeeAmounts } from "./fees";
import { type DatedAmount, type FeeAmountKind, REPO_FEE_AMOUNTS } from "./rates/no-fee-amounts";

export const FEE_AMOUNT_KINDS: FeeAmountKind[] = ["NO_INKASSOSATS", "NO_STANDARDKOMPENSASJON"];

/** The repository's dated Norwegian amounts plus the organization's added ones, per kind, oldest first. */
export async function loadFeeAmounts(tx: DbOrTx, opts: { orgId: string }): Promise<FeeAmounts> {
  const rows = await tx.feeAmount.findMany({ where: { orgId: opts.orgId }, orderBy: { validFrom: "asc" } });
  const out = {} as FeeAmounts;
  for (const kind of FEE_AMOUNT_KINDS) {
    const added: DatedAmount[] = rows
      .filter((r) => r.kind === kind)
      .map((r) => ({
        kind,
        from: dateOnlyFromDb(r.validFrom),
        to: r.validTo ? dateOnlyFromDb(r.validTo) : null,
        amountMinor: toMinor(r.amountMinor),
        source: `${r.source} (added on the settings page)`,
        needsCheck: false,
      }));
    out[kind] = [...REPO_FEE_AMOUNTS[kind], ...added].sort((a, b) => (a.from < b.from ? -1 : 1));
  }
  return out;
}
