import type { AuditFilter } from "@/lib/audit/list-audit-events";

const field =
  "mt-1 block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

/** Who, what, when and which customer: a plain GET form, so a filtered log is a link that can be shared. */
export function AuditFilters({
  filter,
  users,
  whats,
  customerName,
  exportHref,
}: {
  filter: AuditFilter;
  users: { id: string; name: string }[];
  whats: string[];
  customerName: string | null;
  exportHref: string;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
      <label className="text-sm font-medium text-slate-700">
        Who
        <select name="who" defaultValue={filter.who ?? ""} className={field}>
          <option value="">Anyone</option>
          <option value="system">System</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        What
        <select name="what" defaultValue={filter.what ?? ""} className={field}>
          <option value="">Everything</option>
          {whats.map((w) => (
            <option key={w} value={w}>
              {w.replace(/_/g, " ")}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        From
        <input type="date" name="from" defaultValue={filter.from ?? ""} className={field} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        To
        <input type="date" name="to" defaultValue={filter.to ?? ""} className={field} />
      </label>
      {filter.customer && (
        <label className="flex items-center gap-2 self-center rounded-md bg-brand-50 px-2.5 py-1.5 text-sm text-brand-900">
          <input type="checkbox" name="customer" value={filter.customer} defaultChecked />
          Customer: {customerName ?? "unknown"}
        </label>
      )}
      <button
        type="submit"
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        Apply
      </button>
      <a
        href={exportHref}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        Export CSV
      </a>
    </form>
  );
}
