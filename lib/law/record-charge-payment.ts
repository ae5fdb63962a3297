import { recordAudit } from "@/lib/audit/events";
import { canWork } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { formatMoney, parseMoney, toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyToDb } from "@/lib/time/dates";

/** A payment against a charge (interest or a fee), never against the invoice's principal; at most what is open on it. */
export async function recordChargePayment(
  db: Db,
  opts: {
    orgId: string;
    actor: { userId: string; role: Role };
    chargeId: string;
    amount: string;
    receivedOn: DateOnly;
  },
) {
  if (!canWork(opts.actor.role))
    throw new AppError("FORBIDDEN", "Your role can view accounts but not change them. Ask an administrator.");
  return db.$transaction(async (tx) => {
    // Lock the charge so two payments cannot both take its last open amount.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM charges WHERE id = ${opts.chargeId}::uuid AND org_id = ${opts.orgId}::uuid FOR UPDATE`;
    if (!locked.length) throw new AppError("NOT_FOUND", "That charge was not found.");
    const charge = await tx.charge.findUniqueOrThrow({ where: { id: opts.chargeId }, include: { payments: true } });
    const parsed = parseMoney(opts.amount, charge.currency);
    if (!parsed.ok || parsed.minor <= 0)
      throw new AppError("INVALID_INPUT", "Enter the amount received.", {
        amount: [parsed.ok ? "Enter an amount above zero." : parsed.error],
      });
    const amountMinor = parsed.minor;
    const open = toMinor(charge.amountMinor) - charge.payments.reduce((s, p) => s + toMinor(p.amountMinor), 0);
    if (amountMinor > open)
      throw new AppError("INVALID_INPUT", `Only ${formatMoney(open, charge.currency)} is open on this charge.`, {
        amount: ["At most the open amount."],
      });
    const payment = await tx.chargePayment.create({
      data: {
        orgId: opts.orgId,
        chargeId: charge.id,
        amountMinor: BigInt(amountMinor),
        receivedOn: dateOnlyToDb(opts.receivedOn),
        enteredById: opts.actor.userId,
      },
    });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      {
        kind: "charge.payment_recorded",
        payload: {
          chargeId: charge.id,
          customerId: charge.customerId,
          amountMinor: amountMinor,
          currency: charge.currency,
          receivedOn: opts.receivedOn,
        },
      },
    );
    return { paymentId: payment.id, customerId: charge.customerId };
  });
}
