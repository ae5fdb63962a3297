import { isRfReference, kidChecks, rfPayload } from "@/lib/iso/payment-reference";
import { formatMoney } from "@/lib/money/money";
import type { StatementLine } from "./statement-lines";

// Matching a credit line to open invoices, in the order a controller works
// (issue 23 §2). Pure: the caller loads the open invoices and the payers seen
// before, and takes each line's open balances off as it records them, so a later
// line of the same statement never pays an invoice twice.

export interface OpenInvoiceForMatch {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  /** Still open, minor units; the caller lowers it as lines are recorded. */
  openMinor: number;
  kid: string | null;
}

export interface MatchData {
  byKid: Map<string, OpenInvoiceForMatch>;
  /** Invoices by the RF reference stored on them (compact), whatever it was built from. */
  byRfReference: Map<string, OpenInvoiceForMatch>;
  /** Invoice numbers by their comparable form (see invoiceKey). */
  byNumber: Map<string, OpenInvoiceForMatch[]>;
  byCustomer: Map<string, OpenInvoiceForMatch[]>;
  /** Payer accounts already recorded for a customer (earlier matched lines). */
  customerByAccount: Map<string, string>;
  /** Customers by their comparable name (see nameKey); several customers may share one. */
  customersByName: Map<string, string[]>;
}

export type MatchRule = "kid" | "rf" | "invoice_ref" | "invoice_text" | "payer_amount";

export interface Suggestion {
  customerId: string;
  invoiceIds: string[];
  reason: string;
}

export type LineMatch =
  | { outcome: "record"; rule: MatchRule; customerId: string; invoiceIds: string[]; reason: string }
  | { outcome: "review"; rule: MatchRule | ""; reason: string; customerId: string | null; suggestions: Suggestion[] };

/**
 * An invoice number as references write it: letters and digits only, upper case,
 * a leading letter prefix dropped ("INV-", "Faktura", "RE") and leading zeros
 * dropped, so "INV-00123", "inv 123" and "123" compare equal.
 */
export function invoiceKey(number: string): string {
  const compact = number.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const core = /^[A-Z]*(\d.*)$/.exec(compact)?.[1] ?? compact;
  return core.replace(/^0+(?=.)/, "");
}

/** Numbers in free text: each whole run of digits (with "/", "-" or "." inside, as 2026/0042), never a part of one. */
export function numbersInText(text: string): string[] {
  return [...text.toUpperCase().matchAll(/(?<![0-9A-Z])[A-Z]{0,4}[-#:]?\s?(\d+(?:[/.-]\d+)*)(?![0-9A-Z])/g)].map((m) =>
    invoiceKey(m[1]),
  );
}

/** A payer name as it is compared: lower case, punctuation and company forms dropped. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9æøå ]/g, " ")
    .replace(/\b(as|asa|ab|oy|ltd|limited|plc|llc|inc|gmbh|srl|spa|s p a|s r l|ag|bv|nv|sa)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const sum = (invoices: OpenInvoiceForMatch[]) => invoices.reduce((s, i) => s + i.openMinor, 0);
const numbers = (invoices: OpenInvoiceForMatch[]) => invoices.map((i) => i.number).join(", ");

export function matchLine(line: StatementLine, data: MatchData): LineMatch {
  const money = (minor: number) => formatMoney(minor, line.currency);
  // Rule 1: a structured reference names the invoice.
  const failedKids: string[] = [];
  for (const ref of [...line.structuredRefs, ...line.documentNumbers]) {
    const compact = ref.replace(/\s+/g, "");
    let found: OpenInvoiceForMatch[] = [];
    let rule: MatchRule = "invoice_ref";
    if (isRfReference(compact)) {
      rule = "rf";
      // The RF reference an invoice carries names it outright; else its payload may be an invoice number or a KID.
      const stored = data.byRfReference.get(compact.toUpperCase());
      const payload = invoiceKey(rfPayload(compact));
      found = stored ? [stored] : (data.byNumber.get(payload) ?? []);
      const byKid = data.byKid.get(rfPayload(compact));
      if (!found.length && byKid) found = [byKid];
    } else if (/^\d+-?$/.test(compact) && kidChecks(compact).length && data.byKid.has(compact)) {
      rule = "kid";
      found = [data.byKid.get(compact)!];
    } else {
      found = data.byNumber.get(invoiceKey(compact)) ?? [];
      if (!found.length && /^\d{2,25}$/.test(compact) && !kidChecks(compact).length) failedKids.push(compact);
    }
    if (found.length > 1)
      return review(rule, `reference ${ref} names ${found.length} open invoices (${numbers(found)})`, found);
    if (found.length === 1) {
      const invoice = found[0];
      if (invoice.currency !== line.currency)
        return review(
          rule,
          `reference ${ref} names invoice ${invoice.number} in ${invoice.currency}, the payment is in ${line.currency}`,
          found,
        );
      if (invoice.openMinor <= 0)
        return review(rule, `invoice ${invoice.number} (reference ${ref}) is already paid`, found);
      return {
        outcome: "record",
        rule,
        customerId: invoice.customerId,
        invoiceIds: [invoice.id],
        reason: `${rule === "kid" ? "KID" : rule === "rf" ? "RF reference" : "invoice number"} ${ref} names invoice ${invoice.number}`,
      };
    }
  }
  // Rule 2: invoice numbers in the free text, recorded only when they add up to the amount.
  const keys = [...new Set(numbersInText(line.remittanceText))];
  const named = keys.flatMap((k) => data.byNumber.get(k) ?? []).filter((i) => i.openMinor > 0);
  if (named.length) {
    const customers = new Set(named.map((i) => i.customerId));
    const currencies = new Set(named.map((i) => i.currency));
    if (customers.size > 1)
      return review(
        "invoice_text",
        `the text names invoices of ${customers.size} customers (${numbers(named)})`,
        named,
      );
    if (!currencies.has(line.currency) || currencies.size > 1)
      return review(
        "invoice_text",
        `the text names ${numbers(named)} in ${[...currencies].join("/")}, the payment is in ${line.currency}`,
        named,
      );
    if (sum(named) === line.amountMinor)
      return {
        outcome: "record",
        rule: "invoice_text",
        customerId: named[0].customerId,
        invoiceIds: named.map((i) => i.id),
        reason: `the text names ${numbers(named)}, open ${money(sum(named))}, exactly the amount`,
      };
    return review(
      "invoice_text",
      `the text names ${numbers(named)}, open ${money(sum(named))}; the payment is ${money(line.amountMinor)}`,
      named,
    );
  }
  // A KID whose check digit fails is a typing error somewhere: suggested by its other digits, never recorded.
  for (const kid of failedKids) {
    const near = [...data.byKid.values()].find((i) => i.kid?.slice(0, -1) === kid.slice(0, -1) && i.openMinor > 0);
    if (near)
      return review("kid", `KID ${kid} fails its check digit; invoice ${near.number} has KID ${near.kid}`, [near]);
  }
  // Rule 3: a payer we know, with an amount equal to one open invoice or the sum of several: suggested, never recorded by itself.
  const byAccount = line.payerAccount ? data.customerByAccount.get(line.payerAccount.replace(/\s+/g, "")) : undefined;
  const byName = data.customersByName.get(nameKey(line.payerName)) ?? [];
  const customers = byAccount ? [byAccount] : byName;
  const how = byAccount
    ? `account ${line.payerAccount} paid for this customer before`
    : `payer name "${line.payerName}"`;
  const suggestions: Suggestion[] = [];
  for (const customerId of customers) {
    const open = (data.byCustomer.get(customerId) ?? []).filter((i) => i.openMinor > 0);
    const sameCurrency = open.filter((i) => i.currency === line.currency);
    if (open.length && !sameCurrency.length) {
      suggestions.push({ customerId, invoiceIds: [], reason: `${how}; the open invoices are not in ${line.currency}` });
      continue;
    }
    const one = sameCurrency.find((i) => i.openMinor === line.amountMinor);
    const several = prefixEqualTo(sameCurrency, line.amountMinor);
    if (one)
      suggestions.push({
        customerId,
        invoiceIds: [one.id],
        reason: `${how}; invoice ${one.number} is open for exactly ${money(line.amountMinor)}`,
      });
    else if (several)
      suggestions.push({
        customerId,
        invoiceIds: several.map((i) => i.id),
        reason: `${how}; invoices ${numbers(several)} add up to ${money(line.amountMinor)}`,
      });
    else
      suggestions.push({
        customerId,
        invoiceIds: [],
        reason: `${how}; no open invoice or sum of invoices equals ${money(line.amountMinor)}`,
      });
  }
  if (suggestions.length)
    return {
      outcome: "review",
      rule: "payer_amount",
      reason: suggestions[0].reason,
      customerId: suggestions.length === 1 ? suggestions[0].customerId : null,
      suggestions,
    };
  return {
    outcome: "review",
    rule: "",
    reason: failedKids.length
      ? `KID ${failedKids[0]} fails its check digit (MOD10 and MOD11), and the payer is not a customer we know`
      : "no reference we know, and the payer is not a customer we know",
    customerId: null,
    suggestions: [],
  };

  function review(rule: MatchRule, reason: string, found: OpenInvoiceForMatch[]): LineMatch {
    const byCustomer = new Map<string, string[]>();
    for (const i of found) byCustomer.set(i.customerId, [...(byCustomer.get(i.customerId) ?? []), i.id]);
    const suggestions = [...byCustomer].map(([customerId, invoiceIds]) => ({ customerId, invoiceIds, reason }));
    return {
      outcome: "review",
      rule,
      reason,
      customerId: byCustomer.size === 1 ? found[0].customerId : null,
      suggestions,
    };
  }
}

/** The oldest open invoices (in due order) whose balances add up to the amount exactly, if any prefix does. */
function prefixEqualTo(open: OpenInvoiceForMatch[], amount: number): OpenInvoiceForMatch[] | null {
  let total = 0;
  for (let i = 0; i < open.length; i++) {
    total += open[i].openMinor;
    if (total === amount) return i > 0 ? open.slice(0, i + 1) : null;
    if (total > amount) return null;
  }
  return null;
}
