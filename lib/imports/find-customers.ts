import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MappedRow } from "./import-kind";

export interface ImportCustomer {
  id: string;
  reference: string;
  currency: string;
}

/** The ways an invoice or payment row can name its customer, in the order they are tried. */
export const CUSTOMER_KEYS = ["customerReference", "customerVat", "customerName"] as const;
export type CustomerKey = (typeof CUSTOMER_KEYS)[number];
const WHAT: Record<CustomerKey, string> = {
  customerReference: "reference or exact name",
  customerVat: "VAT or registration number",
  customerName: "name",
};

/**
 * A VAT or registration number compared as digits and letters only, without a
 * country prefix or the Norwegian "MVA" suffix: "IT 01234567890", "01234567890"
 * and "NO 923 609 016 MVA" / "923609016" are the same number.
 */
export function normalizeTaxNumber(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .replace(/^[A-Z]{2}(?=\d)/, "")
    .replace(/MVA$/, "");
}
const SQL_TAX = (column: string) =>
  Prisma.raw(
    `regexp_replace(regexp_replace(upper(${column}), '[^A-Z0-9]', '', 'g'), '^[A-Z]{2}(?=[0-9])|MVA$', '', 'g')`,
  );

/**
 * The country a VAT or registration number belongs to: its own prefix ("GB 987654321",
 * "NO 923 609 016 MVA"), else the customer's country; null when neither says. The same
 * digits in two countries are two numbers (a UK VAT number and a Norwegian org.nr.).
 */
export function taxNumberCountry(text: string, customerCountry: string | null): string | null {
  return /^\s*([A-Za-z]{2})[\s.-]*\d/.exec(text)?.[1].toUpperCase() ?? customerCountry;
}

/**
 * Customers whose VAT or registration number is one of `numbers` (as written; compared normalized), with
 * their normalized numbers and the country each belongs to (taxNumberCountry).
 */
export async function customersByTaxNumber(tx: DbOrTx, orgId: string, numbers: string[]) {
  const wanted = [...new Set(numbers.map(normalizeTaxNumber).filter(Boolean))];
  if (!wanted.length) return [];
  const rows = await tx.$queryRaw<
    (ImportCustomer & {
      name: string;
      vat: string;
      reg: string;
      vat_text: string;
      reg_text: string;
      country_code: string | null;
    })[]
  >(Prisma.sql`
    SELECT id, reference, currency, name, ${SQL_TAX("vat_number")} AS vat, ${SQL_TAX("registration_number")} AS reg,
      vat_number AS vat_text, registration_number AS reg_text, country_code
    FROM customers WHERE org_id = ${orgId}::uuid
      AND (${SQL_TAX("vat_number")} = ANY(${wanted}) OR ${SQL_TAX("registration_number")} = ANY(${wanted}))`);
  return rows.map(({ vat, reg, vat_text, reg_text, country_code, ...c }) => {
    const country = country_code?.trim() || null;
    const countries: Record<string, string | null> = {};
    if (reg) countries[reg] = taxNumberCountry(reg_text, country);
    if (vat) countries[vat] = taxNumberCountry(vat_text, country);
    return { ...c, numbers: [...new Set([vat, reg].filter(Boolean))], countries };
  });
}

export type CustomerMatch = { customer: ImportCustomer } | { problem: string } | null;

/**
 * Finds the customers a batch names, by whichever of reference, VAT or
 * registration number and exact name the mapping gives; never guesses: a
 * name two customers share, or a number on two customers, is a problem.
 */
export async function customerFinder(tx: DbOrTx, orgId: string, rows: MappedRow[]) {
  const key = CUSTOMER_KEYS.find((k) => rows[0]?.has(k));
  const wanted = key ? [...new Set(rows.map((r) => r.value(key)).filter(Boolean))] : [];
  const found = new Map<string, ImportCustomer[]>();
  const add = (k: string, c: ImportCustomer) => found.set(k, [...(found.get(k) ?? []), c]);
  if (key === "customerReference" && wanted.length) {
    // Exports often call the column "Customer" and fill it with the code or the
    // name: a cell is taken as either, and one that is one customer's code and
    // another's name is a problem, never a guess.
    const rows = await tx.customer.findMany({
      where: { orgId, OR: [{ reference: { in: wanted } }, { name: { in: wanted } }] },
      select: { id: true, reference: true, currency: true, name: true },
    });
    for (const c of rows) {
      const customer = { id: c.id, reference: c.reference, currency: c.currency };
      add(c.reference, customer);
      if (c.name !== c.reference) add(c.name, customer);
    }
  } else if (key === "customerVat" && wanted.length) {
    for (const c of await customersByTaxNumber(tx, orgId, wanted)) {
      const customer = { id: c.id, reference: c.reference, currency: c.currency };
      for (const n of c.numbers) add(n, customer);
    }
  } else if (key === "customerName" && wanted.length) {
    const rows = await tx.customer.findMany({
      where: { orgId, name: { in: wanted } },
      select: { id: true, reference: true, currency: true, name: true },
    });
    for (const c of rows) add(c.name, { id: c.id, reference: c.reference, currency: c.currency });
  }
  return {
    key,
    /** The row's customer, a problem naming why there is none, or null when the row names none. */
    match(row: MappedRow): CustomerMatch {
      if (!key) return null;
      const text = row.value(key);
      if (!text) return null;
      const hits = found.get(key === "customerVat" ? normalizeTaxNumber(text) : text) ?? [];
      if (hits.length === 1) return { customer: hits[0] };
      if (hits.length > 1)
        return {
          problem: `${hits.length} customers have the ${WHAT[key]} "${text}" (${hits.map((c) => c.reference).join(", ")}); map the customer reference column instead`,
        };
      if (key === "customerReference")
        return { problem: `unknown customer "${text}": no customer has this reference; import customers first` };
      return {
        problem: `unknown customer "${text}": no customer has this ${WHAT[key]}; import customers first${key === "customerName" ? " (names must match exactly)" : ""}`,
      };
    },
  };
}
