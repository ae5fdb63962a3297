import type { Metadata } from "next";
import { LetterheadEditor } from "@/components/letterhead-editor";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getLetterheadPage } from "@/lib/documents/pages";
import { updateLetterheadAction } from "./actions";

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
  const org = await getLetterheadPage(user);
  const initial = {
    name: org.name,
    addressLine1: org.addressLine1,
    addressLine2: org.addressLine2,
    postalCode: org.postalCode,
    city: org.city,
    country: org.country,
    phone: org.phone,
    email: org.email,
    website: org.website,
    paymentInstructions: org.paymentInstructions,
  };
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
        logoUrl={org.logoSha256 ? `/api/logos/${org.logoSha256}` : null}
        action={updateLetterheadAction}
      />
    </div>
  );
}
