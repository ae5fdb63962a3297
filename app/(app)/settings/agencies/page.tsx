import type { Metadata } from "next";
import { AgencySettings } from "@/components/agency-settings";
import { requireUser } from "@/lib/auth/session";
import { getAgenciesPage } from "@/lib/collections/pages";
import { bindAction } from "@/lib/server-actions/bind";

const saveAgencyAction = bindAction("collections.save_agency");
const removeAgencyAction = bindAction("collections.remove_agency");

export const metadata: Metadata = { title: "Collection agencies" };

export default async function AgenciesPage() {
  const user = await requireUser();
  const agencies = await getAgenciesPage(user);
  const admin = user.role === "ADMIN";
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Collection agencies</h1>
        <p className="text-sm text-slate-500">
          The agencies {user.orgName} hands accounts to. The hand-off form offers them; the hand-off and its pack name
          the agency with its address and email, and its reference format checks the reference typed.
          {admin ? "" : " Only an administrator can change them."}
        </p>
      </div>
      <AgencySettings
        agencies={agencies}
        actions={admin ? { save: saveAgencyAction, remove: removeAgencyAction } : undefined}
      />
    </div>
  );
}
