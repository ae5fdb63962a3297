import type { Metadata } from "next";
import Link from "next/link";
import { PrintLetters } from "@/components/print-letters";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getPrintPage } from "@/lib/documents/pages";
import { clockNow, formatDateOnly, todayIn } from "@/lib/time/dates";

export const metadata: Metadata = { title: "Print today's letters" };

export default async function PrintPage() {
  const user = await requireUser();
  const day = todayIn(user.timeZone, clockNow());
  const { letters, latest } = await getPrintPage(user, day);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Print today&apos;s letters</h1>
        <p className="text-sm text-slate-500">
          Letters sent on {formatDateOnly(day, user.locale, "long")} that go by post: one PDF, each letter on its own
          sheets (A4, duplex-safe), the address placed for a DIN window envelope (fold at the marks). Letter 4 always
          goes by registered mail and is marked so.
        </p>
      </div>
      {canWork(user.role) ? (
        <PrintLetters day={day} count={letters.length} latest={latest} />
      ) : (
        <p className="text-sm text-slate-600">Your role can read letters but not print the day&apos;s post.</p>
      )}
      <table
        className="w-full max-w-3xl rounded-xl border border-slate-200 bg-white text-sm shadow-sm"
        data-testid="letters-to-post"
      >
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="px-3 py-2">Customer</th>
            <th className="px-3 py-2">Letter</th>
            <th className="px-3 py-2">Post</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {letters.map((l) => (
            <tr key={l.id}>
              <td className="px-3 py-2">{l.customer.name}</td>
              <td className="px-3 py-2">
                <Link className="text-brand-700 hover:underline" href={`/letters/${l.id}`}>
                  Letter {l.stage}
                </Link>
              </td>
              <td className="px-3 py-2">
                {l.registeredMail ? <span className="font-semibold text-amber-800">Registered mail</span> : "Ordinary"}
              </td>
            </tr>
          ))}
          {!letters.length && (
            <tr>
              <td colSpan={3} className="px-3 py-4 text-slate-500">
                No letters to post today.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
