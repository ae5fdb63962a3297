import { z } from "zod";
import { dateOnlyField, parsePositiveAmount, textField, typedAmountField } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatMoney } from "@/lib/money/money";
import { dateOnlyToDb } from "@/lib/time/dates";
import { loadFeeAmounts } from "./load-fee-amounts";
import { halfYearOf } from "./rate-table";
import { FEE_AMOUNT_NAMES } from "./rates/no-fee-amounts";

export const addFeeAmountSchema = z.object({
  kind: z.enum(["NO_INKASSOSATS", "NO_STANDARDKOMPENSASJON"], { message: "Choose which amount." }),
  from: dateOnlyField,
  amount: typedAmountField,
  source: textField(500, { required: "Name the source (e.g. the regulation and its date)." }),
});
export type AddFeeAmountInput = z.infer<typeof addFeeAmountSchema>;

/**
 * An administrator records a Norwegian amount fixed by regulation. The
 * standardkompensasjon is fixed per half-year (a row covers one); the
 * inkassosats holds until a newer row starts, so a new one starts after every
 * row already known. Never edited: a row may already have priced a letter.
 */
export async function addFeeAmount(
  db: Db,
  opts: { orgId: string; actor: { userId: string; role: Role }; input: AddFeeAmountInput },
) {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can add a fee amount.");
  const { kind, from, source } = opts.input;
  const amountMinor = parsePositiveAmount(opts.input.amount, "NOK");
  const name = FEE_AMOUNT_NAMES[kind];
  const halfYear = kind === "NO_STANDARDKOMPENSASJON";
  const to = halfYear ? halfYearOf(from).to : null;
  if (halfYear && halfYearOf(from).from !== from)
    throw new AppError(
      "INVALID_INPUT",
      `The standardkompensasjon is fixed per half-year: start it on 1 January or 1 July.`,
      {
        from: ["Use 1 January or 1 July."],
      },
    );
  try {
    return await db.$transaction(async (tx) => {
      const rows = (await loadFeeAmounts(tx, { orgId: opts.orgId }))[kind];
      const clash = rows.find((r) => (halfYear ? r.from <= from && (r.to === null || from <= r.to) : r.from >= from));
      if (clash)
        throw new AppError(
          "CONFLICT",
          halfYear
            ? `The ${name} for ${from} is already recorded (${formatMoney(clash.amountMinor, "NOK", "en-GB")} from ${clash.from}). Amounts are never changed once entered.`
            : `A newer ${name} must start after ${clash.from}, the start of a row already recorded. Amounts are never changed once entered.`,
          { from: ["Choose a later start date."] },
        );
      const row = await tx.feeAmount.create({
        data: {
          orgId: opts.orgId,
          kind,
          validFrom: dateOnlyToDb(from),
          validTo: to ? dateOnlyToDb(to) : null,
          amountMinor: BigInt(amountMinor),
          currency: "NOK",
          source,
          addedById: opts.actor.userId,
        },
      });
      await recordAudit(
        tx,
        { orgId: opts.orgId, userId: opts.actor.userId },
        { kind: "law.fee_amount_added", payload: { kind, from, to, amountMinor, currency: "NOK", source } },
      );
      const money = formatMoney(amountMinor, "NOK", "en-GB");
      return { id: row.id, message: `${name}: ${money} recorded from ${from}${to ? ` to ${to}` : ""}.` };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `The ${name} from ${from} was just added by someone else.`);
    throw error;
  }
}
