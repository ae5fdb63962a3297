/**
 * Where the Pre-Action Protocol for Debt Claims publishes its Information Sheet and Reply
 * Form (annexes 1 and 2), for letters before action to individuals and sole traders.
 */
export const DEBT_PROTOCOL_URL =
  "https://www.justice.gov.uk/courts/procedure-rules/civil/protocol/pre-action-protocol-for-debt-claims";

/** "A", "A and B", "A, B and C" (the conjunction in the letter's language). */
export function joinList(items: string[], conjunction: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}
