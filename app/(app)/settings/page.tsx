import type { Metadata } from "next";
import { SettingsIndex, type SettingsSection } from "@/components/settings-index";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const admin = user.role === "ADMIN";
  const sections: SettingsSection[] = [
    {
      href: "/settings/policy",
      title: "Collection policy",
      description: "When each of the four letters becomes due and how many days each gives to pay.",
      note: admin ? undefined : "Read only: administrators change the policy.",
    },
    {
      href: "/settings/policies",
      title: "Collection policies",
      description:
        "Policies per kind of customer: reminders before the due date, calls and reviews between the letters, and the rules that choose one.",
      note: admin ? undefined : "Read only: administrators change the policies.",
    },
    {
      href: "/settings/agencies",
      title: "Collection agencies",
      description: "The agencies accounts are handed to: address, email, payment details and reference format.",
      note: admin ? undefined : "Read only: administrators change the agencies.",
    },
    {
      href: "/settings/law",
      title: "Law and rates",
      description:
        "Statutory interest and fees per country, the reference rates with their sources, and adding a new half-year's rate.",
      note: admin ? undefined : "Read only: administrators change charges and rates.",
    },
    {
      href: "/settings/rates",
      title: "Exchange rates",
      description:
        "The base currency the worklist and the report compare amounts in, exchange rates by day, and ECB CSV import.",
      note: admin ? undefined : "Read only: administrators enter rates.",
    },
  ];
  if (admin) {
    sections.push(
      {
        href: "/settings/organization",
        title: "Organization",
        description: "Legal name, registration and VAT numbers, country, time zone, base currency, locale, address.",
      },
      {
        href: "/settings/bank",
        title: "Bank matching",
        description: "KID on invoices (MOD10 or MOD11, length) and after how many bank days payments count as stale.",
      },
      {
        href: "/settings/letterhead",
        title: "Letterhead",
        description: "Name, logo, address, phone, email and payment instructions that head every letter.",
      },
      {
        href: "/settings/email",
        title: "Email",
        description:
          "Your own mail server and sender for letters and statements by email, with a test email that shows the server's answer.",
      },
      {
        href: "/settings/templates",
        title: "Letter templates",
        description: "The wording of each stage in English, Italian and Norwegian, previewed on a real account.",
      },
      {
        // Belongs on Settings → Email (SMTP, issue 26 §3) when that page lands.
        href: "/settings/reply-domain",
        title: "Reply domain",
        description: "The domain of the reply address on every email, so customers' replies reach their accounts.",
      },
      {
        href: "/settings/api-tokens",
        title: "API tokens",
        description: "Tokens for an accounting system or a script to use the API; last use, expiry and revocation.",
      },
      {
        href: "/settings/webhooks",
        title: "Webhooks",
        description: "Events posted to your systems as they happen, signed; every delivery and try with its status.",
      },
      {
        href: "/users",
        title: "Users",
        description: "Who can sign in, their roles, deactivation and password resets.",
      },
    );
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="text-sm text-slate-500">{user.orgName}</p>
      </div>
      <SettingsIndex sections={sections} />
    </div>
  );
}
