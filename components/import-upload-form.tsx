"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

const KINDS = [
  { value: "customers", label: "Customers", hint: "matched by customer reference" },
  { value: "invoices", label: "Invoices", hint: "matched by invoice number; customers must exist" },
  {
    value: "payments",
    label: "Payments",
    hint: "per invoice number (invoices must exist), or per customer reference as unapplied cash; a payment dated after today counts from its date",
  },
  {
    value: "credit_notes",
    label: "Credit notes",
    hint: "matched by credit note number; per invoice number or, for a credit on the account, customer reference; dated today or earlier",
  },
  {
    value: "bank_statement",
    label: "Bank statement",
    hint: "a bank's CSV export: money in is matched to invoices by KID, RF or invoice number, the rest waits for review; lines imported before are skipped",
  },
];

/** Step 1: what the file holds and the file itself, sent as the raw request body (files up to 150 MB). */
export function ImportUploadForm() {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  const [uploaded, setUploaded] = useState(0);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || !file.name) return setError("Choose a CSV file to upload.");
    setPending(true);
    setError("");
    setUploaded(0);
    try {
      const result = await send(
        `/api/imports?kind=${encodeURIComponent(String(form.get("kind")))}&name=${encodeURIComponent(file.name)}`,
        file,
        setUploaded,
      );
      router.push(`/import/${result.id}`);
    } catch (e) {
      setError((e as Error).message || "The upload failed. Try again.");
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      noValidate
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">The file holds</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {KINDS.map((k, i) => (
            <label
              key={k.value}
              className="flex cursor-pointer items-start gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="kind" value={k.value} defaultChecked={i === 1} className="mt-1" />
              <span>
                <span className="font-medium">{k.label}</span>
                <span className="block text-xs text-slate-600">{k.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">
          CSV file
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby="import-file-hint import-upload-error"
          className="mt-1 block text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:font-medium hover:file:bg-slate-200"
        />
        <p id="import-file-hint" className="mt-1 text-xs text-slate-500">
          Comma, semicolon or tab separated, UTF-8 or Windows-1252, up to 150 MB.
        </p>
      </div>
      {pending && (
        <div
          role="progressbar"
          aria-label="Upload"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={uploaded}
          className="h-2 overflow-hidden rounded-full bg-slate-100"
        >
          <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${uploaded}%` }} />
        </div>
      )}
      <p id="import-upload-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
        {error}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Uploading…" : "Upload and map columns"}
      </button>
    </form>
  );
}

/** POSTs the file as the raw body; XMLHttpRequest because fetch cannot report upload progress. */
function send(url: string, file: File, onPercent: (percent: number) => void): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => e.lengthComputable && onPercent(Math.round((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(new Error("The upload failed: the connection was lost. Try again."));
    xhr.onload = () => {
      let body: { id?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page: fall back to the status below.
      }
      if (xhr.status === 201 && body.id) resolve({ id: body.id });
      else
        reject(
          new Error(
            body.message ??
              (xhr.status === 413
                ? "The file is larger than 150 MB. Split it into smaller files."
                : "The upload failed. Try again."),
          ),
        );
    };
    xhr.send(file);
  });
}
