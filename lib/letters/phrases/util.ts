import { DEBT_PROTOCOL } from "@/lib/law/debt-protocol";

/** Where the Pre-Action Protocol for Debt Claims is published, with its Financial Statement form (Annex 2). */
export const DEBT_PROTOCOL_URL = DEBT_PROTOCOL.url;

/** "A", "A and B", "A, B and C" (the conjunction in the letter's language). */
export function joinList(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}
