"use client";

import { startTransition, useActionState, useEffect, useId, useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import type { LetterheadFields } from "@/lib/documents/update-letterhead";
import { streetLines } from "@/lib/locale/postal-address";

type Fields = LetterheadFields;
type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

const LABELS: [keyof Fields, string, "input" | "textarea"][] = [
  ["name", "Organization name", "input"],
  ["addressLine1", "Address", "input"],
  ["addressLine2", "Address, second line", "input"],
  ["postalCode", "Postal code", "input"],
  ["city", "City", "input"],
  ["region", "State or province (US TX, Italian MI)", "input"],
  ["country", "Country", "input"],
  ["phone", "Phone", "input"],
  ["email", "Email", "input"],
  ["website", "Website", "input"],
  ["registrationNumber", "Registration number (org.nr., company number)", "input"],
  ["vatNumber", "VAT number (MVA, partita IVA)", "input"],
  ["paymentInstructions", "Other accepted payment methods, printed as written (optional)", "textarea"],
];

/** The letterhead form with a live preview of the top and foot of a letter as it will print. */
export function LetterheadEditor({
  initial,
  logoUrl,
  countryCode,
  action,
}: {
  initial: Fields;
  /** The organization's country: picks the address format of the preview. */
  countryCode: string;
  logoUrl: string | null;
  action: Action;
}) {
  const [fields, setFields] = useState(initial);
  const [preview, setPreview] = useState<string | null>(logoUrl);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [result, formAction, pending] = useActionState(action, undefined);
  const statusId = useId();
  useEffect(
    () => () => {
      if (preview?.startsWith("blob:")) URL.revokeObjectURL(preview);
    },
    [preview],
  );
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const set = (k: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setFields({ ...fields, [k]: e.target.value });
  // The letters' own address format, so the preview prints what a letter will (US "Austin, TX 78701").
  const address = [...streetLines({ ...fields, countryCode }), fields.country].filter(Boolean);

  return (
    <div className="grid gap-6 lg:grid-cols-[28rem_1fr]">
      <form
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        data-testid="letterhead-form"
        aria-describedby={statusId}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
      >
        {LABELS.map(([name, label, kind]) => {
          const id = `lh-${name}`;
          const common = {
            id,
            name,
            value: fields[name],
            onChange: set(name),
            "aria-invalid": errors[name] ? true : undefined,
            "aria-describedby": `${id}-error`,
            className:
              "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500",
          };
          return (
            <div key={name}>
              <label htmlFor={id} className="block text-sm font-medium text-slate-700">
                {label}
              </label>
              {kind === "textarea" ? (
                <textarea rows={3} {...common} />
              ) : (
                <input type={name === "email" ? "email" : "text"} {...common} />
              )}
              <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700">
                {errors[name]?.join(" ")}
              </p>
            </div>
          );
        })}
        <div>
          <label htmlFor="lh-logo" className="block text-sm font-medium text-slate-700">
            Logo (PNG or JPEG, up to 512 KB)
          </label>
          <input
            id="lh-logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby="lh-logo-error"
            className="mt-1 block text-sm"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setLogoError(null);
              if (!file) return;
              if (!["image/png", "image/jpeg"].includes(file.type)) setLogoError("Choose a PNG or JPEG image.");
              else if (file.size > 512 * 1024) setLogoError("The logo must be 512 KB or smaller.");
              setPreview(URL.createObjectURL(file));
            }}
          />
          <p id="lh-logo-error" aria-live="polite" className="mt-1 text-sm text-red-700">
            {logoError ?? errors.logo?.join(" ")}
          </p>
          {logoUrl && (
            <label className="mt-1 flex items-center gap-2 text-sm text-slate-600">
              <input
                type="checkbox"
                name="removeLogo"
                onChange={(e) => setPreview(e.target.checked ? null : logoUrl)}
              />{" "}
              Remove the logo
            </label>
          )}
        </div>
        <div
          id={statusId}
          role="status"
          aria-live="polite"
          className={`min-h-5 text-sm ${result?.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {result && !result.ok && result.fieldErrors ? "Check the fields marked above." : result?.message}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save letterhead"}
        </button>
      </form>

      <section
        aria-label="Live preview"
        className="overflow-hidden rounded-xl border border-slate-300 bg-white shadow-sm"
        data-testid="letterhead-preview"
      >
        <div className="mx-auto aspect-[210/297] max-w-[40rem] p-[7%] text-[0.8rem] leading-snug text-slate-900">
          <div className="flex items-start justify-between gap-4 border-b border-slate-400 pb-3">
            <div className="h-16 w-40">
              {preview && <img src={preview} alt="Logo" className="max-h-16 max-w-40 object-contain" />}
            </div>
            <div className="text-right">
              <p className="text-base font-bold">{fields.name || "Organization name"}</p>
              {address.slice(0, -1).length > 0 && <p className="text-slate-500">{address.slice(0, -1).join(", ")}</p>}
              {address.length > 0 && <p className="text-slate-500">{address.at(-1)}</p>}
              <p className="text-slate-500">{[fields.phone, fields.email].filter(Boolean).join(" · ")}</p>
              {fields.website && <p className="text-slate-500">{fields.website}</p>}
            </div>
          </div>
          <p className="mt-6 text-[0.6rem] text-slate-500">{[fields.name, ...address].join(" · ")}</p>
          <div className="mt-1 text-slate-500">
            Customer name
            <br />
            Street 1<br />
            0000 City
          </div>
          <div className="mt-10 space-y-2 text-slate-300">
            {Array.from({ length: 9 }, (_, i) => (
              <div key={i} className="h-2 rounded bg-slate-100" style={{ width: `${90 - (i % 3) * 15}%` }} />
            ))}
          </div>
          <div className="mt-16 border-t border-slate-400 pt-2 text-[0.65rem] text-slate-500">
            <p>{fields.paymentInstructions || "Payment instructions"}</p>
            <p>{[fields.name, fields.phone, fields.email, fields.website].filter(Boolean).join(" · ")}</p>
          </div>
        </div>
      </section>
    </div>
  );
}
