import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// Where customers pay: one bank account per currency, picked by the letter's currency
// (an account in NOK gets the NOK account and its KID rule). Admins edit them on the
// letterhead settings page; each save is audited with before and after.

/** What a letter prints of the account of its currency. */
export interface BankDetails {
  bankName: string;
  iban: string;
  bic: string;
  accountNumber: string;
  usesKid: boolean;
}

export interface BankAccountFields extends BankDetails {
  currency: string;
}

export async function listBankAccounts(tx: DbOrTx, opts: { orgId: string }) {
  return tx.orgBankAccount.findMany({ where: { orgId: opts.orgId }, orderBy: { currency: "asc" } });
}

const snapshot = (a: BankAccountFields) => ({
  bankName: a.bankName,
  iban: a.iban,
  bic: a.bic,
  accountNumber: a.accountNumber,
  usesKid: a.usesKid,
});

/** Creates or replaces the account of one currency; `remove` deletes it (letters then print no bank line for it). */
export async function saveBankAccount(
  db: Db,
  opts: { orgId: string; actor: Actor; account: BankAccountFields; remove?: boolean },
): Promise<void> {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can change bank accounts.");
  const a = opts.account;
  if (!opts.remove && !a.iban && !a.accountNumber)
    throw new AppError("INVALID_INPUT", "Give an IBAN or a domestic account number.", {
      iban: ["Give an IBAN or an account number."],
    });
  await db.$transaction(async (tx) => {
    const key = { orgId_currency: { orgId: opts.orgId, currency: a.currency } };
    const before = await tx.orgBankAccount.findUnique({ where: key });
    if (opts.remove) {
      if (!before) throw new AppError("NOT_FOUND", `There is no ${a.currency} account to remove.`);
      await tx.orgBankAccount.delete({ where: key });
    } else {
      await tx.orgBankAccount.upsert({
        where: key,
        create: { orgId: opts.orgId, ...a },
        update: snapshot(a),
      });
    }
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      {
        kind: "bank_account.saved",
        payload: {
          currency: a.currency,
          before: before ? snapshot(before) : null,
          after: opts.remove ? null : snapshot(a),
        },
      },
    );
  });
}
