import type { Metadata } from "next";
import { EmailSettingsForms } from "@/components/email-settings";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getEmailSettingsPage } from "@/lib/delivery/pages";
import { bindAction } from "@/lib/server-actions/bind";

export const metadata: Metadata = { title: "Email" };

export default async function EmailSettingsPage() {
  const user = await requireUser();
  if (!ADMIN_ONLY.includes(user.role)) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        Only an administrator can change the email settings.
      </p>
    );
  }
  const { settings, fallback, keyProblem, userEmail } = await getEmailSettingsPage(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Email</h1>
        <p className="text-sm text-slate-500" data-testid="email-route">
          {settings
            ? `Letters and statements go out through ${settings.host} as ${settings.fromName} <${settings.fromAddress}>.`
            : fallback === "smtp"
              ? "No server of your own yet: email goes through the server's default mail server."
              : "No server of your own yet: email waits in the Outbox and is not sent."}{" "}
          Each email is a short HTML message on your letterhead with a plain-text part, the PDF attached and a button to
          the customer&apos;s page.
        </p>
      </div>
      <EmailSettingsForms
        settings={settings}
        userEmail={userEmail}
        keyProblem={keyProblem}
        save={bindAction("delivery.save_email_settings")}
        test={bindAction("delivery.send_test_email")}
        remove={bindAction("delivery.remove_email_settings")}
      />
    </div>
  );
}
