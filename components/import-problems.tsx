import type { RowProblem } from "@/lib/imports/import-kind";

/** Every problem found, by row and column, as the user will find them in their spreadsheet. */
export function ImportProblems({ problems, total }: { problems: RowProblem[]; total: number }) {
  return (
    <section aria-labelledby="problems-heading" className="rounded-xl border border-red-200 bg-white shadow-sm">
      <h2
        id="problems-heading"
        className="border-b border-red-100 bg-red-50 px-4 py-3 text-sm font-semibold text-red-800"
      >
        {total === 1 ? "1 problem" : `${total.toLocaleString("en")} problems`}: nothing was imported. Fix the file and
        upload it again.
        {total > problems.length && <span className="font-normal"> The first {problems.length} are listed.</span>}
      </h2>
      <div className="max-h-[32rem] overflow-y-auto">
        <table className="min-w-full text-sm" data-testid="import-problems">
          <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">
                Row
              </th>
              <th scope="col" className="px-4 py-2">
                Column
              </th>
              <th scope="col" className="px-4 py-2">
                Problem
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {problems.map((p, i) => (
              <tr key={i}>
                <td className="px-4 py-2 tabular-nums text-slate-700">{p.line}</td>
                <td className="px-4 py-2 font-medium text-slate-700">{p.column || "—"}</td>
                <td className="px-4 py-2 text-slate-800">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
