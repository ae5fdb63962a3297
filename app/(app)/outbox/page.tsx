import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getOutboxPage } from "@/lib/delivery/pages";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const user = await requireUser();
  const { messages, failed } = await getOutboxPage(user);
  const fmt = new Intl.DateTimeFormat(user.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: user.timeZone,
  });
  const smtp = !!process.env.SMTP_URL;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
        <p className="text-sm text-slate-500">
          {smtp
            ? "Emails go out through the configured SMTP server. Messages below were written while no SMTP server was configured."
            : "No SMTP server is configured (SMTP_URL), so letter emails are kept here instead of being sent. Nothing below has left the building."}
        </p>
      </div>
      {failed.length > 0 && (
        <div className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm" data-testid="failed-deliveries">
          <p className="font-semibold text-red-800">Failed email deliveries</p>
          <ul className="mt-1 list-disc pl-5">
            {failed.map((f) => (
              <li key={f.documentId}>
                <Link className="underline" href={f.href}>
                  {f.label} to {f.customerName}
                </Link>
                : {f.status.error}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="space-y-3" data-testid="outbox">
        {messages.map((m) => (
          <li key={m.id} className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium">{m.subject}</p>
              <time className="text-xs text-slate-500">{fmt.format(m.createdAt)}</time>
            </div>
            <p className="text-xs text-slate-500">
              From {m.fromAddress} to {m.toAddress}
            </p>
            <pre className="mt-2 whitespace-pre-wrap font-sans text-slate-700">{m.text}</pre>
            <p className="mt-2 flex gap-3 text-xs">
              <a className="text-brand-700 hover:underline" href={`/api/outbox/${m.id}/attachment`}>
                PDF attached: {m.attachmentName}
              </a>
              {m.delivery.letterId ? (
                <Link className="text-brand-700 hover:underline" href={`/letters/${m.delivery.letterId}`}>
                  Open the letter
                </Link>
              ) : (
                m.delivery.customerId && (
                  <Link className="text-brand-700 hover:underline" href={`/customers/${m.delivery.customerId}`}>
                    Open the customer
                  </Link>
                )
              )}
            </p>
          </li>
        ))}
        {!messages.length && (
          <li className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-500">
            The outbox is empty.
          </li>
        )}
      </ul>
    </div>
  );
}
