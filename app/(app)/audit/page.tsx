import type { Metadata } from "next";
import { z } from "zod";
import { AuditFilters } from "@/components/audit-filters";
import { AuditLogTable } from "@/components/audit-log-table";
import { Pager } from "@/components/pager";
import { VerifyHistoryPanel } from "@/components/verify-history-panel";
import { lenientQuery } from "@/lib/actions/query-params";
import { auditFilterQuery, auditFilterStrictSchema } from "@/lib/audit/list-audit-events";
import { getAuditPage } from "@/lib/audit/pages";
import { requireRole } from "@/lib/auth/session";
import { historySigningKey } from "@/lib/history/signing-key";
import { bindAction } from "@/lib/server-actions/bind";

const verifyHistory = bindAction("history.verify");

export const metadata: Metadata = { title: "Audit log" };

const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole(["ADMIN", "VIEWER"]);
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => [v].flat()[0];
  const page = pageParam.parse(first(params.page));
  const filter = lenientQuery(auditFilterStrictSchema).parse(
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v)])),
  );
  const query = auditFilterQuery(filter);
  const log = await getAuditPage(user, { page, filter });
  const choices = log.choices;
  const customerName = filter.customer
    ? (log.rows.find((r) => r.customerId === filter.customer)?.customerName ?? null)
    : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-slate-500">
          Every change that is not itself a contact: who, when and from where. Entries cannot be edited or deleted.
        </p>
      </div>
      <VerifyHistoryPanel
        action={verifyHistory}
        locale={user.locale}
        timeZone={user.timeZone}
        publicKey={historySigningKey().publicKeyPem}
      />
      <AuditFilters
        filter={filter}
        users={choices.users}
        whats={choices.whats}
        customerName={customerName}
        exportHref={`/api/exports/audit-log${query ? `?${query}` : ""}`}
      />
      <AuditLogTable rows={log.rows} locale={user.locale} timeZone={user.timeZone} />
      <Pager
        page={log.page}
        pageSize={log.pageSize}
        total={log.total}
        hrefFor={(p) =>
          `/audit?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), page: String(p) })}`
        }
        noun="events"
      />
    </div>
  );
}
