"use client";

import type { ActionResult } from "@/lib/actions/define-action";
import type { EmailSettingsView } from "@/lib/delivery/email-settings";
import { ActionForm, Field } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

const SECURITY = [
  { value: "starttls", label: "STARTTLS, required (usually port 587)" },
  { value: "tls", label: "TLS from the start (usually port 465)" },
  { value: "none", label: "None (only inside a trusted network)" },
];

/** Settings → Email: the server, the sender and the password (write-only), then the test button. */
export function EmailSettingsForms({
  settings,
  userEmail,
  keyProblem,
  save,
  test,
  remove,
}: {
  settings: EmailSettingsView | null;
  userEmail: string;
  keyProblem: string | null;
  save: Action;
  test: Action;
  remove: Action;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,36rem)_minmax(0,1fr)]">
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="smtp-heading">
        <h2 id="smtp-heading" className="mb-3 text-base font-semibold">
          Mail server
        </h2>
        <ActionForm action={save} submitLabel="Save email settings" testId="email-settings-form">
          <div className="grid gap-x-4 sm:grid-cols-[1fr_8rem]">
            <Field name="host" label="SMTP server" defaultValue={settings?.host ?? ""} placeholder="smtp.example.com" />
            <Field name="port" label="Port" inputMode="text" defaultValue={String(settings?.port ?? 587)} />
          </div>
          <Field
            as="select"
            name="security"
            label="Security"
            options={SECURITY}
            defaultValue={settings?.security ?? "starttls"}
          />
          <Field
            name="user"
            label="User name"
            defaultValue={settings?.user ?? ""}
            hint="Empty when the server takes mail without signing in."
          />
          <PasswordField passwordSet={!!settings?.passwordSet} disabled={!!keyProblem} />
          <Field
            name="fromName"
            label="Sender name"
            defaultValue={settings?.fromName ?? ""}
            hint="What customers see as the sender, e.g. your company's name."
          />
          <Field name="fromAddress" label="Sender address" type="email" defaultValue={settings?.fromAddress ?? ""} />
          <Field
            name="accentColor"
            label="Accent colour of the email (#rrggbb)"
            defaultValue={settings?.accentColor ?? "#0f172a"}
            hint="The rule at the top and the button to the customer's page; the logo comes from the letterhead."
          />
        </ActionForm>
      </section>

      <div className="space-y-6">
        <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="test-heading">
          <h2 id="test-heading" className="text-base font-semibold">
            Send a test email
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            Sends one message through the saved settings and shows the server&apos;s own answer.
          </p>
          {settings ? (
            <ActionForm
              action={test}
              submitLabel="Send a test email"
              pendingLabel="Sending…"
              resetOnSuccess={false}
              testId="email-test-form"
            >
              <Field name="to" label="Send it to" type="email" defaultValue={userEmail} />
            </ActionForm>
          ) : (
            <p className="text-sm text-slate-500">Save the settings first.</p>
          )}
        </section>
        {settings && (
          <section
            className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
            aria-labelledby="remove-heading"
          >
            <h2 id="remove-heading" className="text-base font-semibold">
              Stop using this server
            </h2>
            <ActionForm
              action={remove}
              submitLabel="Remove the email settings"
              danger
              hidden={{ confirm: "on" }}
              confirm={{
                title: "Remove the email settings?",
                consequences: [
                  "Letters and statements go through the server's default again (or wait in the outbox if there is none).",
                  "The stored password is deleted; to use this server again, enter it again.",
                ],
                confirmLabel: "Remove",
              }}
            />
          </section>
        )}
      </div>
    </div>
  );
}

function PasswordField({ passwordSet, disabled }: { passwordSet: boolean; disabled: boolean }) {
  return (
    <div className="space-y-2">
      <Field
        name="password"
        label={passwordSet ? "Password (set; type a new one to replace it)" : "Password"}
        type="password"
        hint={
          passwordSet
            ? "Stored encrypted and never shown again. Leave empty to keep it."
            : "Stored encrypted and never shown again."
        }
      />
      {disabled && (
        <p className="text-sm text-amber-800" data-testid="email-key-problem">
          A password cannot be saved on this server yet: its administrator must set EMAIL_SETTINGS_KEY (docs/email.md).
        </p>
      )}
      {passwordSet && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="removePassword" value="on" /> Remove the stored password
        </label>
      )}
    </div>
  );
}
