import type { RateEntry } from "@/lib/rates/list-rates";
import { ScrollRegion } from "./scroll-region";

/** Every rate entry, newest first; a corrected one is struck through and says so. */
export function RateEntries({ entries, base }: { entries: RateEntry[]; base: string }) {
  if (!entries.length) return <p className="text-sm text-slate-600">No rates entered yet.</p>;
  return (
    <ScrollRegion label="Exchange rate entries">
      <table className="min-w-full text-sm" data-testid="rate-entries">
        <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-2 font-medium">
              Valid from
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Rate
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Source
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Entered
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e) => (
            <tr key={e.id} className={e.superseded || e.baseCurrency !== base ? "text-slate-500" : ""}>
              <td className="whitespace-nowrap px-2 py-1.5">{e.validOn}</td>
              <td className="whitespace-nowrap px-2 py-1.5 tabular-nums">
                <span className={e.superseded ? "line-through" : "font-medium"}>
                  1 {e.baseCurrency} = {e.rate} {e.currency}
                </span>
                {e.superseded && <span className="ml-2 text-xs">corrected</span>}
                {e.baseCurrency !== base && <span className="ml-2 text-xs">old base</span>}
              </td>
              <td className="px-2 py-1.5">{e.source}</td>
              <td className="whitespace-nowrap px-2 py-1.5">
                {e.enteredBy ?? "—"}, {e.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
