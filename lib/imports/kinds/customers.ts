import { uuid7 } from "@/lib/db/uuid";
import { Prisma } from "@/lib/generated/prisma/client";
import { countryFromText } from "@/lib/iso/country-from-text";
import { CURRENCY, countUpserts, type ImportKindHandler, RowChecker } from "../import-kind";

// Optional text fields, mapped to their columns. A field the file does not
// map keeps what is stored; a mapped field is overwritten, even with "".
const TEXT_FIELDS = {
  email: "email",
  phone: "phone",
  contactPerson: "contact_person",
  addressLine1: "address_line1",
  addressLine2: "address_line2",
  postalCode: "postal_code",
  city: "city",
  country: "country",
  language: "language",
  vatNumber: "vat_number",
  registrationNumber: "registration_number",
} as const;
type TextField = keyof typeof TEXT_FIELDS;
const LANGUAGES = ["en", "it", "nb"];

type CustomerRow = { id: string; reference: string; name: string; currency: string } & Partial<
  Record<(typeof TEXT_FIELDS)[TextField], string>
> & {
    /** The country column read as an ISO code (the legal field letters and sends need); null when the cell is empty. */
    country_code?: string | null;
  };

/** Customers, matched by reference (the customer number in the accounting system). */
export const customersKind: ImportKindHandler<CustomerRow, { refs: Map<string, number>; mapped: Set<TextField> }> = {
  newState: () => ({ refs: new Map(), mapped: new Set() }),

  async validate(_tx, ctx, rows, state) {
    const valid: CustomerRow[] = [];
    const problems = [];
    for (const row of rows) {
      const check = new RowChecker(row);
      const name = check.required("name", "The name");
      // Exports without customer numbers (QuickBooks, Fatture in Cloud) name customers by name: it is their reference.
      const reference = row.has("reference") ? check.required("reference", "The customer reference") : name;
      check.unique(
        row.has("reference") ? "reference" : "name",
        state.refs,
        reference,
        `customer reference "${reference}"`,
      );
      // A customer file without currencies (most exports) takes the organization's base currency.
      const currency = (row.value("currency") || ctx.defaultCurrency).toUpperCase();
      if (!CURRENCY.test(currency))
        check.problem("currency", `"${row.value("currency")}" is not a currency code like EUR`);
      const language = row.value("language").toLowerCase();
      if (row.has("language") && !LANGUAGES.includes(language))
        check.problem("language", `"${row.value("language")}" is not one of en, it, nb`);
      const countryCode = countryFromText(row.value("country"));
      if (row.value("country") && !countryCode)
        check.problem(
          "country",
          `"${row.value("country")}" is not a country we know: write its name or its ISO code (NO, IT, GB)`,
        );
      if (row.value("email") && !/^[^\s@]+@[^\s@]+$/.test(row.value("email")))
        check.problem("email", `"${row.value("email")}" is not an email address`);
      problems.push(...check.problems);
      if (!check.ok) continue;
      const out: CustomerRow = { id: uuid7(), reference, name, currency };
      for (const [field, column] of Object.entries(TEXT_FIELDS) as [TextField, string][]) {
        if (!row.has(field)) continue;
        state.mapped.add(field);
        out[column as keyof CustomerRow] = field === "language" ? language : row.value(field);
      }
      if (row.has("country")) out.country_code = countryCode;
      valid.push(out);
    }
    return { valid, problems };
  },

  async write(tx, { orgId }, rows) {
    if (!rows.length) return { created: 0, updated: 0 };
    // Column names come from TEXT_FIELDS, never from the file.
    const columns = [
      "name",
      "currency",
      ...Object.values(TEXT_FIELDS).filter((c) => rows[0][c] !== undefined),
      ...(rows[0].country_code !== undefined ? ["country_code"] : []),
    ];
    const insertCols = columns.map((c) => (c === "language" ? `r.language::"Language"` : `r.${c}`)).join(", ");
    const recordType = columns.map((c) => `${c} text`).join(", ");
    const set = columns.map((c) => `${c} = EXCLUDED.${c}`).join(", ");
    const before = columns.map((c) => `c.${c}`).join(", ");
    const after = columns.map((c) => `EXCLUDED.${c}`).join(", ");
    const returned = await tx.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
      INSERT INTO customers AS c (id, org_id, reference, ${Prisma.raw(columns.join(", "))})
      SELECT r.id, ${orgId}::uuid, r.reference, ${Prisma.raw(insertCols)}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, reference text, ${Prisma.raw(recordType)})
      ON CONFLICT (org_id, reference) DO UPDATE SET ${Prisma.raw(set)}
      WHERE (${Prisma.raw(before)}) IS DISTINCT FROM (${Prisma.raw(after)})
      RETURNING (xmax = 0) AS inserted`);
    return countUpserts(returned);
  },
};
