import type { DbOrTx } from "@/lib/db/client";
import { uuid7 } from "@/lib/db/uuid";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerType, PreferredChannel } from "@/lib/generated/prisma/enums";
import { countryFromText } from "@/lib/iso/country-from-text";
import { readCustomerType, readPreferredChannel } from "../customer-words";
import { customersByTaxNumber, normalizeTaxNumber, taxNumberCountry } from "../find-customers";
import {
  CURRENCY,
  countUpserts,
  type ImportKindHandler,
  type MappedRow,
  RowChecker,
  type RowNotice,
} from "../import-kind";
import { comparableNumber, type SameNumberChoice } from "../same-number";

// Optional text fields, mapped to their columns. A field the file does not
// map keeps what is stored; a mapped field is overwritten, even with "".
const TEXT_FIELDS = {
  email: "email",
  phone: "phone",
  contactPerson: "contact_person",
  salutation: "salutation",
  addressLine1: "address_line1",
  addressLine2: "address_line2",
  postalCode: "postal_code",
  city: "city",
  region: "region",
  country: "country",
  language: "language",
  vatNumber: "vat_number",
  registrationNumber: "registration_number",
} as const;
type TextField = keyof typeof TEXT_FIELDS;
const LANGUAGES = ["en", "it", "nb"];
/** Enum columns and their PostgreSQL types: an empty cell keeps what is stored (the default for a new customer). */
const CHOICE_COLUMNS = { type: "CustomerType", preferred_channel: "PreferredChannel" } as const;

type CustomerRow = { id: string; reference: string; name: string; currency: string } & Partial<
  Record<(typeof TEXT_FIELDS)[TextField], string>
> & {
    /** The country column read as an ISO code (the legal field letters and sends need); null when the cell is empty. */
    country_code?: string | null;
    type?: CustomerType;
    preferred_channel?: PreferredChannel;
  };

interface CustomerState {
  refs: Map<string, number>;
  mapped: Set<TextField>;
  /** Normalized VAT and registration numbers of the file's rows so far: the first row and its reference. */
  numbers: Map<string, { line: number; reference: string; country: string | null }>;
}

interface StoredCustomer {
  reference: string;
  type: CustomerType;
  preferredChannel: PreferredChannel;
  email: string;
}

/** Customers, matched by reference (the customer number in the accounting system). */
export const customersKind: ImportKindHandler<CustomerRow, CustomerState> = {
  newState: () => ({ refs: new Map(), mapped: new Set(), numbers: new Map() }),

  async validate(tx, ctx, rows, state) {
    const valid: CustomerRow[] = [];
    const problems = [];
    const notices: RowNotice[] = [];
    const sameNumber = await sameNumberFinder(tx, ctx.orgId, rows);
    const stored = await storedCustomers(tx, ctx.orgId, rows, sameNumber.references);
    for (const row of rows) {
      const check = new RowChecker(row);
      const name = check.required("name", "The name");
      // Exports without customer numbers (QuickBooks, Fatture in Cloud) name customers by name: it is their reference.
      let reference = row.has("reference") ? check.required("reference", "The customer reference") : name;
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
      const type = check.parsed("type", readCustomerType(row.value("type")));
      const channel = check.parsed("preferredChannel", readPreferredChannel(row.value("preferredChannel")));
      // As the customer form: letters by email need an address (the row's, else the one stored).
      const email = row.has("email") ? row.value("email") : (stored.get(reference)?.email ?? "");
      if (channel === "email" && !email)
        check.problem("preferredChannel", "letters by email need an email address, and this customer has none");
      // The same company twice: the check names the customer that has the number before it is created again.
      const same = sameNumber.find(row, reference, state, ctx.options.sameNumber, check);
      if (same.notice) notices.push({ line: row.line, message: same.notice });
      if (same.skip) {
        problems.push(...check.problems);
        continue;
      }
      if (same.reference && same.reference !== reference) {
        reference = same.reference;
        check.unique("name", state.refs, reference, `customer "${reference}" (rows updating it by its number)`);
      }
      problems.push(...check.problems);
      if (!check.ok) continue;
      const out: CustomerRow = { id: uuid7(), reference, name, currency };
      for (const [field, column] of Object.entries(TEXT_FIELDS) as [TextField, string][]) {
        if (!row.has(field)) continue;
        state.mapped.add(field);
        (out as Record<string, unknown>)[column] = field === "language" ? language : row.value(field);
      }
      if (row.has("country")) out.country_code = countryCode;
      const before = stored.get(reference);
      if (row.has("type")) out.type = type ?? before?.type ?? "business";
      if (row.has("preferredChannel")) out.preferred_channel = channel ?? before?.preferredChannel ?? "post";
      valid.push(out);
    }
    return { valid, problems, notices };
  },

  async write(tx, { orgId }, rows) {
    if (!rows.length) return { created: 0, updated: 0 };
    // Column names come from TEXT_FIELDS and CHOICE_COLUMNS, never from the file.
    const columns = [
      "name",
      "currency",
      ...Object.values(TEXT_FIELDS).filter((c) => rows[0][c] !== undefined),
      ...(rows[0].country_code !== undefined ? ["country_code"] : []),
      ...Object.keys(CHOICE_COLUMNS).filter((c) => rows[0][c as keyof CustomerRow] !== undefined),
    ];
    const cast = (c: string) =>
      c === "language"
        ? `r.language::"Language"`
        : c in CHOICE_COLUMNS
          ? `r.${c}::"${CHOICE_COLUMNS[c as keyof typeof CHOICE_COLUMNS]}"`
          : `r.${c}`;
    const insertCols = columns.map(cast).join(", ");
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

/** The stored customers a batch names by reference (or by name, for files without references), and `also`. */
async function storedCustomers(
  tx: DbOrTx,
  orgId: string,
  rows: MappedRow[],
  also: string[],
): Promise<Map<string, StoredCustomer>> {
  const refs = [...new Set([...rows.flatMap((r) => [r.value("reference"), r.value("name")]), ...also].filter(Boolean))];
  const found = await tx.customer.findMany({
    where: { orgId, reference: { in: refs } },
    select: { reference: true, type: true, preferredChannel: true, email: true },
  });
  return new Map(found.map((c) => [c.reference, c]));
}

type RowNumber = { number: string; field: string; text: string; country: string | null };

/** A row's VAT and registration numbers as compared: normalized, each once, only those worth comparing, with their country. */
function rowNumbers(row: MappedRow): RowNumber[] {
  const out = new Map<string, RowNumber>();
  const rowCountry = countryFromText(row.value("country"));
  for (const field of ["vatNumber", "registrationNumber"]) {
    const text = row.value(field);
    const number = normalizeTaxNumber(text);
    if (comparableNumber(number) && !out.has(number))
      out.set(number, { number, field, text, country: taxNumberCountry(text, rowCountry) });
  }
  return [...out.values()];
}

/** Two numbers with the same digits are one number unless both say their country and the countries differ. */
const sameCountry = (a: string | null, b: string | null) => !a || !b || a === b;

/**
 * Finds, for each row, another customer with its VAT or registration number: a stored
 * one with another reference, or an earlier row of the file. What happens then is the
 * user's choice for the file (`sameNumber`): "flag" names it as a problem on the row;
 * "skip" leaves the row out; "update" writes the row onto the stored customer (an
 * earlier row of the file is imported, this one left out); "create" imports it as a
 * customer of its own. Every outcome but "flag" is said in a notice on the row.
 */
async function sameNumberFinder(tx: DbOrTx, orgId: string, rows: MappedRow[]) {
  const numbers = rows.flatMap((r) => rowNumbers(r).map((n) => n.number));
  const byNumber = new Map<string, { reference: string; name: string; country: string | null }[]>();
  for (const c of await customersByTaxNumber(tx, orgId, numbers))
    for (const n of c.numbers) byNumber.set(n, [...(byNumber.get(n) ?? []), { ...c, country: c.countries[n] ?? null }]);
  const find = (
    row: MappedRow,
    reference: string,
    state: CustomerState,
    choice: SameNumberChoice,
    check: RowChecker,
  ): { skip?: boolean; reference?: string; notice?: string } => {
    for (const { number, field, text, country } of rowNumbers(row)) {
      const what = field === "vatNumber" ? "VAT number" : "registration number";
      const others = (byNumber.get(number) ?? []).filter(
        (c) => c.reference !== reference && sameCountry(c.country, country),
      );
      const seen = state.numbers.get(number);
      const earlier = seen && sameCountry(seen.country, country) ? seen : undefined;
      if (!seen) state.numbers.set(number, { line: row.line, reference, country });
      if (others.length) {
        const named = others.map((c) => `${c.reference} "${c.name}"`).join(" and ");
        const whose = `${others.length === 1 ? "customer" : "customers"} ${named}`;
        if (choice === "skip") return { skip: true, notice: `Skipped: its ${what} ${text} is already on ${whose}.` };
        if (choice === "create")
          return { notice: `Created as a new customer although ${whose} has the same ${what} ${text}.` };
        if (choice === "update" && others.length === 1)
          return {
            reference: others[0].reference,
            notice: `Updates customer ${named} (same ${what} ${text}); the file's reference ${reference} is not kept.`,
          };
        check.problem(
          field,
          choice === "update"
            ? `the ${what} ${text} is on ${whose}: it cannot update more than one; edit those customers first`
            : `the ${what} ${text} is already on ${whose}: choose below whether to skip such rows, update that customer or create a new one`,
        );
        return {};
      }
      if (earlier && earlier.reference !== reference && earlier.line !== row.line) {
        const first = `row ${earlier.line} (customer ${earlier.reference})`;
        if (choice === "skip" || choice === "update")
          return { skip: true, notice: `Skipped: ${first} has the same ${what} ${text} and is imported.` };
        if (choice === "create")
          return { notice: `Created as a customer of its own although ${first} has the same ${what} ${text}.` };
        check.problem(
          field,
          `the ${what} ${text} is on ${first} too: choose below whether to skip such rows or create them anyway`,
        );
        return {};
      }
    }
    return {};
  };
  return { find, references: [...byNumber.values()].flatMap((cs) => cs.map((c) => c.reference)) };
}
