import type { Metadata } from "next";
import { z } from "zod";
import { AuditLogTable } from "@/components/audit-log-table";
import { Pager } from "@/components/pager";
import { VerifyHistoryPanel } from "@/components/verify-history-panel";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { historySigningKey } from "@/lib/history/signing-key";
import { verifyHistory } from "./actions";

export const metadata: Metadata = { title: "Audit log" };

const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireRole(["ADMIN", "VIEWER"]);
  const page = pageParam.parse([(await searchParams).page].flat()[0]);
  const log = await listAuditEvents(db(), { orgId: user.orgId, page });
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
      <AuditLogTable rows={log.rows} locale={user.locale} timeZone={user.timeZone} />
      <Pager
        page={log.page}
        pageSize={log.pageSize}
        total={log.total}
        hrefFor={(p) => `/audit?page=${p}`}
        noun="events"
      />
    </div>
  );
}
