import type { DbOrTx } from "@/lib/db/client";
import { DEFAULT_LAW_SETTINGS, type LawSettings } from "./law-settings-types";

export async function getLawSettings(tx: DbOrTx, opts: { orgId: string }): Promise<LawSettings> {
  const row = await tx.lawSettings.findUnique({ where: { orgId: opts.orgId } });
  if (!row) return DEFAULT_LAW_SETTINGS;
  return {
    statutoryInterest: row.statutoryInterest,
    statutoryCompensation: row.statutoryCompensation,
    reminderFee: row.reminderFee,
    contractualInterestPercent: row.contractualInterestPercent,
    flatFeeMinor: row.flatFeeMinor === null ? null : Number(row.flatFeeMinor),
    flatFeeCurrency: row.flatFeeCurrency,
    contactBeforeLetter1: row.contactBeforeLetter1,
    italyDiffida: row.italyDiffida,
  };
}
