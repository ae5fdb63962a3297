"use client";

import { useState } from "react";

type Job = { id: string; state: "running" | "ready" | "failed"; done: number; total: number; letters: number | null; registered: number | null; error: string | null };

/** Starts the print run, shows its progress, then offers the PDF. */
export function PrintLetters({ day, count }: { day: string; count: number }) {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setError(null);
    const res = await fetch(`/api/print?day=${day}`, { method: "POST" });
    const body = await res.json();
    if (!res.ok) return setError(body.error ?? "Could not start printing.");
    setJob(body);
    let current: Job = body;
    while (current.state === "running") {
      await new Promise((r) => setTimeout(r, 400));
      const poll = await fetch(`/api/print/${current.id}`);
      const next = await poll.json();
      if (!poll.ok) return setError(next.error ?? "The print run was lost.");
      current = next;
      setJob(current);
    }
    if (current.state === "failed") setError(current.error ?? "Printing failed.");
  }

  const pct = job && job.total ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <div className="space-y-3" data-testid="print-letters">
      <button type="button" onClick={start} disabled={job?.state === "running" || count === 0}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
        {job?.state === "running" ? "Preparing…" : `Print today's letters (${count})`}
      </button>
      {job && (
        <div aria-live="polite" className="space-y-2 text-sm">
          <div className="h-2 w-full max-w-md overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label="Print progress">
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${job.state === "ready" ? 100 : pct}%` }} />
          </div>
          <p>{job.state === "running" ? `Rendering letter ${job.done} of ${job.total || count}…` : job.state === "ready" ? `${job.letters} letters ready${job.registered ? `, ${job.registered} for registered mail` : ""}.` : ""}</p>
          {job.state === "ready" && (
            <a href={`/api/print/${job.id}/pdf`} className="inline-block rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50" data-testid="print-download">Download PDF to print</a>
          )}
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
