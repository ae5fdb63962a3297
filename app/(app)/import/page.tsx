import type { Metadata } from "next";
import Link from "next/link";
import { ImportUploadForm } from "@/components/import-upload-form";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getImportsPage } from "@/lib/imports/pages";
import { formatInstant } from "@/lib/time/dates";

export const metadata: Metadata = { title: "Import" };

const STATUS_LABEL = {
  UPLOADED: "Uploaded",
  VALIDATING: "Checking",
  VALIDATED: "Checked",
  COMMITTING: "Importing",
  COMMITTED: "Imported",
  FAILED: "Failed",
} as const;

export default async function ImportPage() {
  const user = await requireUser();
  const recent = await getImportsPage(user);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import from CSV</h1>
        <p className="text-sm text-slate-500">
          Customers, invoices, payments and credit notes exported from your accounting system. Importing the same file
          again changes nothing. Invoices issued and payments received after today are kept and count on the report from
          their date; credit notes dated after today are refused until their date.
        </p>
      </div>
      <p className="text-sm">
        A bank's CSV export is imported here (“Bank statement”); camt.053 and camt.054 files are read on their own page:{" "}
        <Link href="/bank" className="font-medium text-brand-700 hover:underline">
          Bank statements and the review queue
        </Link>
        .
      </p>
      {canWork(user.role) ? (
        <ImportUploadForm />
      ) : (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">
          Your role can view data but not import it. Ask an administrator or collector.
        </p>
      )}
      {recent.length > 0 && (
        <section aria-labelledby="recent-imports">
          <h2 id="recent-imports" className="mb-2 text-sm font-semibold text-slate-700">
            Recent imports
          </h2>
          <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2">
                    File
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Holds
                  </th>
                  <th scope="col" className="px-4 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-2 text-right">
                    Rows
                  </th>
                  <th scope="col" className="px-4 py-2">
                    When, by
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {recent.map((i) => (
                  <tr key={i.id}>
                    <td className="whitespace-nowrap px-4 py-2">
                      <Link href={`/import/${i.id}`} className="text-brand-700 hover:underline">
                        {i.fileName}
                      </Link>
                    </td>
                    <td className="px-4 py-2 capitalize">{i.kind.replace("_", " ")}</td>
                    <td className="px-4 py-2">
                      {STATUS_LABEL[i.status]}
                      {i.status === "COMMITTED" && (
                        <span className="text-slate-500">
                          {" "}
                          · {i.createdCount} created, {i.updatedCount} updated, {i.unchangedCount} unchanged
                        </span>
                      )}
                    </td>
                    <td className="px-4 py-2 text-right tabular-nums">{i.rowCount.toLocaleString("en")}</td>
                    <td className="whitespace-nowrap px-4 py-2 text-slate-500">
                      {formatInstant(i.createdAt, user.timeZone, user.locale)}
                      {i.user ? `, ${i.user.name}` : ""}
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
