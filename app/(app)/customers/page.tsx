import type { Metadata } from "next";
import Link from "next/link";
import { CustomerFilters } from "@/components/customer-filters";
import { CustomersTable, customersHref } from "@/components/customers-table";
import { Pager } from "@/components/pager";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { customerQuerySchema } from "@/lib/customers/list-customers";
import { getCustomerListPage } from "@/lib/customers/pages";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const query = customerQuerySchema.parse(await searchParams);
  const { list, choices } = await getCustomerListPage(user, query);
  // The export carries the list's query string (without the page): parsed there by the same schema.
  const exportQuery = customersHref(query, { page: 1 }).split("?")[1];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Customers</h1>
          <p className="text-sm text-slate-500">Every customer, with an open balance or paid up.</p>
        </div>
        {canWork(user.role) && (
          <Link
            href="/customers/new"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
          >
            New customer
          </Link>
        )}
      </div>
      <CustomerFilters query={query} currencies={choices.currencies} countries={choices.countries} />
      <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="export-customers">
        <span className="text-slate-600">Export this list (with its search and filters):</span>
        <a
          href={`/api/exports/customers?${exportQuery}`}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
          aria-label="Export customers as CSV"
        >
          CSV
        </a>
        <a
          href={`/api/exports/customers?${exportQuery}&format=xlsx`}
          download
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
          aria-label="Export customers as XLSX"
        >
          XLSX
        </a>
      </p>
      <CustomersTable rows={list.rows} query={query} locale={user.locale} />
      <Pager
        page={query.page}
        pageSize={list.pageSize}
        total={list.total}
        noun="customers"
        hrefFor={(page) => customersHref(query, { page })}
      />
    </div>
  );
}
