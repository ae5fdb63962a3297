import type { Metadata } from "next";
import Link from "next/link";
import { BankStatementUpload } from "@/components/bank-statement-upload";
import { PaymentsKnownUpToNote } from "@/components/payments-known-up-to";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getBankPage } from "@/lib/bank/pages";
import { formatInstant } from "@/lib/time/dates";

export const metadata: Metadata = { title: "Bank statements" };

const STATUS = { queued: "Queued", processing: "Reading", processed: "Read", failed: "Failed" } as const;

export default async function BankPage() {
  const user = await requireUser();
  const { statements, reviewCount, known } = await getBankPage(user);
  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Bank statements</h1>
        <p className="text-sm text-slate-500">
          camt.053 statements and camt.054 credit notifications, as the bank sends them, and banks' CSV exports imported
          on the Import page. Importing a statement twice, or statements that overlap, records nothing twice.
        </p>
      </div>
      <PaymentsKnownUpToNote known={known} locale={user.locale} />
      <p className="text-sm">
        <Link href="/bank/review" className="font-medium text-brand-700 hover:underline">
          Review queue: {reviewCount} payment{reviewCount === 1 ? "" : "s"} to decide
        </Link>
      </p>
      {canWork(user.role) && <BankStatementUpload />}
      {statements.length > 0 && (
        <section aria-labelledby="recent-statements">
          <h2 id="recent-statements" className="mb-2 text-sm font-semibold text-slate-700">
            Recent statements
          </h2>
          <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    File
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Covers
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    Lines
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    Matched
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    Review
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    Duplicates
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    Ignored
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Received
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {statements.map((s) => (
                  <tr key={s.id}>
                    <td className="px-4 py-2">
                      <span className="block max-w-56 truncate" title={s.fileName}>
                        {s.fileName || "(no name)"}
                      </span>
                      <span className="text-xs text-slate-500">
                        {s.format || "not read yet"}
                        {s.accountIban ? ` · ${s.accountIban}` : ""}
                      </span>
                    </td>
                    <td className="whitespace-nowrap px-4 py-2">{s.fromDate ? `${s.fromDate} – ${s.toDate}` : "—"}</td>
                    <td className="px-4 py-2">
                      {STATUS[s.status]}
                      {s.error && <span className="block max-w-64 text-xs text-red-700">{s.error}</span>}
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums">{s.linesCount}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{s.matchedCount}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{s.reviewCount}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{s.duplicatesCount}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{s.ignoredCount}</td>
                    <td className="whitespace-nowrap px-4 py-2 text-slate-600">
                      {formatInstant(s.createdAt, user.timeZone, user.locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
