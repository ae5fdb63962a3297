import type { Metadata } from "next";
import { CreateApiTokenForm, RevokeApiTokenButton } from "@/components/api-tokens";
import { getApiTokensPage } from "@/lib/api-runtime/pages";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { bindAction } from "@/lib/server-actions/bind";

const createApiToken = bindAction("api-runtime.create_token");
const revokeApiToken = bindAction("api-runtime.revoke_token");

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const me = await requireRole(ADMIN_ONLY);
  const tokens = await getApiTokensPage(me);
  const fmt = new Intl.DateTimeFormat(me.locale, { dateStyle: "medium", timeStyle: "short", timeZone: me.timeZone });
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
        <p className="max-w-3xl text-sm text-slate-500">
          Tokens let an accounting system or a script keep {me.orgName}&apos;s customers, invoices and payments in step
          through the API (
          <a className="underline" href="/api/docs">
            reference
          </a>
          ). Each acts under its own name in the audit log. Only a fingerprint of each token is kept: a lost token
          cannot be shown again, only revoked and replaced.
        </p>
      </div>
      <section
        aria-labelledby="tokens-heading"
        className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        <h2 id="tokens-heading" className="sr-only">
          Tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">No tokens yet.</p>
        ) : (
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Name</th>
                <th className="px-4 py-2">Scopes</th>
                <th className="px-4 py-2">Last used</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2">
                  <span className="sr-only">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((t) => {
                const expired = t.expiresAt !== null && t.expiresAt <= now;
                return (
                  <tr key={t.id} className={t.revokedAt || expired ? "text-slate-500" : ""}>
                    <td className="px-4 py-3 align-top">
                      <p className="font-medium">{t.name}</p>
                      <p className="font-mono text-xs text-slate-500">{t.prefix}…</p>
                      <p className="text-xs text-slate-500">
                        Created {fmt.format(t.createdAt)} by {t.createdBy}
                      </p>
                    </td>
                    <td className="px-4 py-3 align-top">{t.scopes.join(", ")}</td>
                    <td className="px-4 py-3 align-top">
                      {t.lastUsedAt ? (
                        <>
                          {fmt.format(t.lastUsedAt)}
                          <p className="text-xs text-slate-500">from {t.lastUsedIp || "an unknown address"}</p>
                        </>
                      ) : (
                        "Never"
                      )}
                    </td>
                    <td className="px-4 py-3 align-top">
                      {t.revokedAt ? (
                        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                          Revoked {fmt.format(t.revokedAt)}
                        </span>
                      ) : expired ? (
                        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                          Expired {fmt.format(t.expiresAt!)}
                        </span>
                      ) : (
                        <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-700">
                          Active{t.expiresAt ? ` until ${fmt.format(t.expiresAt)}` : ""}
                        </span>
                      )}
                    </td>
                    <td className="px-4 py-3 align-top">
                      {!t.revokedAt && <RevokeApiTokenButton action={revokeApiToken} tokenId={t.id} name={t.name} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section
        aria-labelledby="new-token-heading"
        className="max-w-xl rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="new-token-heading" className="text-lg font-semibold">
          Create a token
        </h2>
        <CreateApiTokenForm action={createApiToken} />
      </section>
    </div>
  );
}
