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
  return Prisma.sql`AND (
    dd_fold(c.name || ' ' || c.reference || ' ' || c.email) LIKE dd_fold(${pattern})
    OR c.id IN (SELECT customer_id FROM invoices WHERE org_id = ${orgId}::uuid AND number IN (${text}, ${text.toUpperCase()}))
  )`;
}
