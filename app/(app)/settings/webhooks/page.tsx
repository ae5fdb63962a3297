import type { Metadata } from "next";
import Link from "next/link";
import { CreateWebhookEndpointForm } from "@/components/webhook-endpoints";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/event-types";
import { bindAction } from "@/lib/server-actions/bind";
import { getWebhooksPage } from "@/lib/webhooks/pages";

const createWebhookEndpoint = bindAction("webhooks.create_endpoint");

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const me = await requireRole(ADMIN_ONLY);
  const endpoints = await getWebhooksPage(me);
  const fmt = new Intl.DateTimeFormat(me.locale, { dateStyle: "medium", timeStyle: "short", timeZone: me.timeZone });
  const off = endpoints.filter((e) => !e.enabled);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="max-w-3xl text-sm text-slate-500">
          {me.orgName}&apos;s events (a letter sent, a payment recorded, a promise or dispute) posted to your systems as
          they happen, signed as Standard Webhooks says and retried for about a day.
        </p>
      </div>
      {off.length > 0 && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {off.length === 1 ? "An endpoint is" : `${off.length} endpoints are`} switched off after failing for a day.
          Fix the receiver and register it again.
        </p>
      )}
      <section
        aria-labelledby="endpoints-heading"
        className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        <h2 id="endpoints-heading" className="sr-only">
          Endpoints
        </h2>
        {endpoints.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">No endpoints yet.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Receiver</th>
                <th className="px-4 py-2">Events</th>
                <th className="px-4 py-2">Last 7 days</th>
                <th className="px-4 py-2">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {endpoints.map((e) => (
                <tr key={e.id}>
                  <td className="max-w-xs px-4 py-3 align-top">
                    <Link
                      href={`/settings/webhooks/${e.id}`}
                      className="break-all font-medium text-brand-700 underline"
                    >
                      {e.url}
                    </Link>
                    <p className="text-xs text-slate-500">Registered {fmt.format(e.createdAt)}</p>
                  </td>
                  <td className="px-4 py-3 align-top font-mono text-xs">{e.events.join(", ")}</td>
                  <td className="px-4 py-3 align-top text-xs">
                    {e.lastWeek.delivered ?? 0} delivered, {e.lastWeek.pending ?? 0} retrying, {e.lastWeek.failed ?? 0}{" "}
                    failed
                  </td>
                  <td className="px-4 py-3 align-top">
                    {e.enabled ? (
                      <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-700">On</span>
                    ) : (
                      <>
                        <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700">
                          Off since {fmt.format(e.disabledAt!)}
                        </span>
                        <p className="mt-1 text-xs text-slate-600">{e.disabledReason}</p>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section
        aria-labelledby="new-endpoint-heading"
        className="max-w-xl rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="new-endpoint-heading" className="text-lg font-semibold">
          Register an endpoint
        </h2>
        <CreateWebhookEndpointForm action={createWebhookEndpoint} eventTypes={WEBHOOK_EVENT_TYPES} />
      </section>
    </div>
  );
}
