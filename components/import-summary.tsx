import Link from "next/link";

/** What an import did, by the counts the database returned. */
export function ImportSummary(props: { kind: string; created: number; updated: number; unchanged: number }) {
  const bank = props.kind === "bank_statement";
  // A bank statement's lines are new or imported before (duplicates); the statement's matching is on /bank.
  const stats = bank
    ? ([
        ["New lines", props.created],
        ["Duplicates", props.unchanged],
      ] as const)
    : ([
        ["Created", props.created],
        ["Updated", props.updated],
        ["Unchanged", props.unchanged],
      ] as const);
  return (
    <section aria-labelledby="import-done" className="rounded-xl border border-emerald-200 bg-white p-6 shadow-sm">
      <h2 id="import-done" className="text-base font-semibold text-emerald-800">
        Imported
      </h2>
      <dl className="mt-3 flex gap-8" data-testid="import-summary">
        {stats.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
            <dd
              className="text-2xl font-semibold tabular-nums"
              data-testid={`import-${label.toLowerCase().replace(" ", "-")}`}
            >
              {value.toLocaleString("en")}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm">
        {bank ? (
          <Link href="/bank" className="text-brand-700 hover:underline">
            See what was matched and what waits for review
          </Link>
        ) : (
          <Link href="/" className="text-brand-700 hover:underline">
            Open the aging report
          </Link>
        )}{" "}
        ·{" "}
        <Link href="/import" className="text-brand-700 hover:underline">
          Import another file
        </Link>
      </p>
    </section>
  );
}
