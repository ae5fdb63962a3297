import type { Metadata } from "next";
import { BankAccounts } from "@/components/bank-accounts";
import { LetterheadEditor } from "@/components/letterhead-editor";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { letterheadRequirement } from "@/lib/documents/letterhead-requirements";
import { getLetterheadPage } from "@/lib/documents/pages";
import { bindAction } from "@/lib/server-actions/bind";

const saveBankAccountAction = bindAction("documents.save_bank_account");
const updateLetterheadAction = bindAction("documents.update_letterhead");

const REQUIRED_LABEL = {
  registrationNumber: "registration number",
  vatNumber: "VAT number",
  registeredOffice: "registered office address",
} as const;

export const metadata: Metadata = { title: "Letterhead" };

export default async function LetterheadPage() {
  const user = await requireUser();
  if (!ADMIN_ONLY.includes(user.role)) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        Only an administrator can change the letterhead.
      </p>
    );
  }
  const { org, accounts } = await getLetterheadPage(user);
  const initial = {
    name: org.name,
    addressLine1: org.addressLine1,
    addressLine2: org.addressLine2,
    postalCode: org.postalCode,
    city: org.city,
    region: org.region,
    country: org.country,
    phone: org.phone,
    email: org.email,
    website: org.website,
    registrationNumber: org.registrationNumber,
    vatNumber: org.vatNumber,
    paymentInstructions: org.paymentInstructions,
  };
  const requirement = letterheadRequirement(org.countryCode);
  const missing = requirement?.requires.filter((k) =>
    k === "registeredOffice" ? !org.addressLine1 : !org[k as "registrationNumber" | "vatNumber"],
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Letterhead</h1>
        <p className="text-sm text-slate-500">
          Heads every letter and its PDF. Each letter keeps a copy of the letterhead it was sent with, so changes here
          never alter letters already sent.
        </p>
      </div>
      <LetterheadEditor
        initial={initial}
        countryCode={org.countryCode}
        logoUrl={org.logoSha256 ? `/api/logos/${org.logoSha256}` : null}
        action={updateLetterheadAction}
      />
      {requirement && (
        <p className="text-sm text-slate-600" data-testid="letterhead-requirement">
          Business letters from {org.countryCode} show the{" "}
          {requirement.requires.map((k) => REQUIRED_LABEL[k]).join(" and ")} ({requirement.source}).
          {missing?.length ? (
            <strong className="text-red-700"> Missing: {missing.map((k) => REQUIRED_LABEL[k]).join(", ")}.</strong>
          ) : null}
        </p>
      )}
      <BankAccounts accounts={accounts} action={saveBankAccountAction} />
    </div>
  );
}
