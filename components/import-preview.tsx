import type { ImportField } from "@/lib/imports/fields";
import type { RowNotice } from "@/lib/imports/import-kind";
import type { PreviewRow } from "@/lib/imports/preview-row";
import { ScrollRegion } from "./scroll-region";

/** The first rows as the check read them (dates spelled out, amounts formatted) and the rows it skipped. */
export function ImportPreview(props: { fields: ImportField[]; rows: PreviewRow[]; notices: RowNotice[] }) {
  const shown = props.fields.filter((f) => props.rows.some((r) => f.key in r.cells));
  return (
    <section aria-labelledby="preview-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <h2 id="preview-heading" className="border-b border-slate-100 px-4 py-3 text-sm font-semibold text-slate-800">
        The first rows as they will be read
        <span className="block font-normal text-slate-600">
          If a date or an amount is not what the file means, change the date format or decimal mark below and check
          again.
        </span>
      </h2>
      <ScrollRegion label="The first rows as read">
        <table className="min-w-full text-sm" data-testid="import-preview">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">
                Row
              </th>
              {shown.map((f) => (
                <th key={f.key} scope="col" className="px-4 py-2">
                  {f.label.replace(/ \(.*\)$/, "")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {props.rows.map((r) => (
              <tr key={r.line}>
                <td className="px-4 py-2 tabular-nums text-slate-500">{r.line}</td>
                {shown.map((f) => (
                  <td key={f.key} className="whitespace-nowrap px-4 py-2 text-slate-800">
                    {r.cells[f.key] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {props.notices.length > 0 && (
        <ul className="border-t border-slate-100 px-4 py-3 text-sm text-slate-700" data-testid="import-notices">
          {props.notices.map((n, i) => (
            <li key={`${n.line}-${i}`}>
              Row {n.line}: {n.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
