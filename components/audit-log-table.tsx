import Link from "next/link";
import type { AuditLogRow } from "@/lib/audit/list-audit-events";
import { ScrollRegion } from "./scroll-region";

export function AuditLogTable({ rows, locale, timeZone }: { rows: AuditLogRow[]; locale: string; timeZone: string }) {
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone });
  if (!rows.length)
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-500">Nothing recorded here.</p>
    );
  return (
    <ScrollRegion label="Audit log" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="audit-log">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2">#</th>
            <th className="px-4 py-2">When</th>
            <th className="px-4 py-2">Who</th>
            <th className="px-4 py-2">From</th>
            <th className="px-4 py-2">What</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="px-4 py-2 text-slate-500">{r.seq}</td>
              <td className="whitespace-nowrap px-4 py-2">
                <time dateTime={r.createdAt.toISOString()}>{fmt.format(r.createdAt)}</time>
              </td>
              <td className="px-4 py-2">{r.actor ?? <span className="text-slate-500">system</span>}</td>
              <td className="px-4 py-2 font-mono text-xs text-slate-500">{r.ip || "–"}</td>
              <td className="min-w-72 px-4 py-2">
                {r.event ? r.sentence : <span title={JSON.stringify(r.raw)}>{r.kind}</span>}
                {r.customerId && r.customerName && (
                  <>
                    {" "}
                    <Link
                      href={`/audit?customer=${r.customerId}`}
                      className="text-xs text-brand-700 underline"
                      aria-label={`only this customer: ${r.customerName}`}
                    >
                      only this customer
                    </Link>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
