"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Upload of a camt.053 / camt.054 file; the job queue reads and matches it, the list below shows how it went. */
export function BankStatementUpload() {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || !file.name) return setError("Choose a camt.053 or camt.054 file.");
    setPending(true);
    setError("");
    setMessage("");
    try {
      const response = await fetch(`/api/bank-statements?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        body: file,
        headers: { "content-type": file.type || "application/xml" },
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.message ?? "The upload failed. Try again.");
      setMessage(
        body.duplicateOf
          ? "Received. This file was received before: its lines will count as duplicates."
          : "Received. It is being read and matched; the list below updates.",
      );
      event.currentTarget?.reset();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <label htmlFor="bank-file" className="block text-sm font-medium text-slate-700">
        Bank statement (camt.053 or camt.054 XML)
      </label>
      <input
        id="bank-file"
        name="file"
        type="file"
        accept=".xml,application/xml,text/xml"
        aria-describedby="bank-file-status"
        className="block w-full text-sm"
      />
      <p className="text-xs text-slate-500">
        Credits with a KID, an RF reference or an invoice number are recorded by themselves; the rest wait in the review
        queue. A bank&apos;s CSV export is imported on the Import page.
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Uploading…" : "Upload statement"}
      </button>
      <p id="bank-file-status" aria-live="polite" className="text-sm">
        {error ? <span className="text-red-700">{error}</span> : <span className="text-emerald-700">{message}</span>}
      </p>
    </form>
  );
}
