import { Prisma } from "@/lib/generated/prisma/client";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * `AND …` matching customers (alias `c`) by name, reference or email,
 * accent- and case-insensitively ("bjorkli" finds "Bjørkli"), or by one of
 * their invoice numbers (exactly, or in capitals). The folding is dd_fold()
 * in the database (migration customers_admin_and_setup), applied to the query
 * and to the very expression the trigram index `customers_search_trgm` holds,
 * so the index serves it. The customer list and the aging report both use it.
 */
export function customerSearchSql(orgId: string, q: string | undefined): Prisma.Sql {
  const text = q?.trim();
  if (!text) return Prisma.empty;
  const pattern = `%${escapeLike(text)}%`;
  // A UNION of ids, not an OR: with OR the planner cannot use the trigram index and
  // folds every customer's text instead (20 s at 100,000 customers, against ~10 ms).
  return Prisma.sql`AND c.id IN (
    SELECT s.id FROM customers s
    WHERE s.org_id = ${orgId}::uuid AND dd_fold(s.name || ' ' || s.reference || ' ' || s.email) LIKE dd_fold(${pattern})
    UNION
    SELECT i.customer_id FROM invoices i WHERE i.org_id = ${orgId}::uuid AND i.number IN (${text}, ${text.toUpperCase()})
  )`;
}
