import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { DELIVERIES_SHOWN, getWebhookDeliveriesPage } from "@/lib/webhooks/pages";

export const metadata: Metadata = { title: "Webhook deliveries" };

const STATUS_STYLE: Record<string, string> = {
  delivered: "bg-emerald-50 text-emerald-700",
  pending: "bg-amber-50 text-amber-800",
  failed: "bg-red-50 text-red-700",
};

export default async function WebhookDeliveriesPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const me = await requireRole(ADMIN_ONLY);
  const { endpointId } = await params;
  if (!z.uuid().safeParse(endpointId).success) notFound();
  // Another organization's endpoint is as unknown as a made-up id.
  const { endpoint, deliveries } = await getWebhookDeliveriesPage(me, endpointId).catch(() => notFound());
  const fmt = new Intl.DateTimeFormat(me.locale, { dateStyle: "short", timeStyle: "medium", timeZone: me.timeZone });
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/settings/webhooks" className="text-brand-700 underline">
            Webhooks
          </Link>
        </p>
        <h1 className="break-all text-2xl font-semibold tracking-tight">{endpoint.url}</h1>
        <p className="text-sm text-slate-500">
          The newest {DELIVERIES_SHOWN} deliveries, each try with the receiver&apos;s status and how long it took.
          {!endpoint.enabled && ` Switched off: ${endpoint.disabledReason}.`}
        </p>
      </div>
      <section className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        {deliveries.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">Nothing delivered yet.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Event</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2">Tries</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td className="px-4 py-3 align-top">
                    <p className="font-mono text-xs">{d.eventType}</p>
                    <p className="text-xs text-slate-500">{fmt.format(d.createdAt)}</p>
                    <p className="font-mono text-[11px] text-slate-400">msg_{d.id}</p>
                  </td>
                  <td className="px-4 py-3 align-top">
                    <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[d.status] ?? ""}`}>{d.status}</span>
                  </td>
                  <td className="px-4 py-3 align-top">
                    <ol className="space-y-0.5 text-xs">
                      {d.tries.map((t) => (
                        <li key={t.id}>
                          #{t.attempt} {fmt.format(t.attemptedAt)}: {t.statusCode ?? "no answer"} in {t.durationMs} ms
                          {t.error && <span className="text-red-700"> ({t.error})</span>}
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
