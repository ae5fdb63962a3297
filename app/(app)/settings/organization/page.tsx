import type { Metadata } from "next";
import { OrganizationSettingsForm } from "@/components/organization-settings-form";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getOrganizationSettings } from "@/lib/organizations/get-organization-settings";
import { bindAction } from "@/lib/server-actions/bind";
import { organizationFormOptions } from "@/lib/setup/setup-page";

const updateOrganizationAction = bindAction("organizations.update");

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationSettingsPage() {
  const user = await requireUser();
  if (!ADMIN_ONLY.includes(user.role)) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        Only an administrator can change the organization.
      </p>
    );
  }
  const values = await getOrganizationSettings(user.orgId);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Organization</h1>
        <p className="text-sm text-slate-500">
          What setup asked. Every change is in the audit log with the values before and after. Letters already sent keep
          their text; the logo and payment instructions are under Letterhead.
        </p>
      </div>
      <OrganizationSettingsForm values={values} options={organizationFormOptions()} action={updateOrganizationAction} />
    </div>
  );
}
