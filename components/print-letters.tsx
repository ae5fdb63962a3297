"use client";

import { useEffect, useState } from "react";
import type { PrintRunView } from "@/lib/documents/print-run";

async function readJson(res: Response): Promise<{ message?: string } & Partial<PrintRunView>> {
  return res.json().catch(() => ({}));
}

/** Starts the print run (the job worker renders it), shows its progress, then offers the PDF. A run in progress is picked up after a reload. */
export function PrintLetters({ day, count, latest }: { day: string; count: number; latest: PrintRunView | null }) {
  const [run, setRun] = useState<PrintRunView | null>(latest);
  const [error, setError] = useState<string | null>(latest?.state === "failed" ? latest.error : null);

  async function follow(started: PrintRunView) {
    let current = started;
    setRun(current);
    while (current.state === "running") {
      await new Promise((r) => setTimeout(r, 500));
      const poll = await fetch(`/api/print/${current.id}`, { cache: "no-store" });
      const next = await readJson(poll);
      if (!poll.ok) return setError(next.message ?? "The print run was lost. Start it again.");
      current = next as PrintRunView;
      setRun(current);
    }
    if (current.state === "failed") setError(current.error ?? "Printing failed. Start it again.");
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the run the server reported; follow itself changes every render
  useEffect(() => {
    if (latest?.state === "running") void follow(latest);
  }, [latest]);

  async function start() {
    setError(null);
    const res = await fetch(`/api/print?day=${day}`, { method: "POST" });
    const body = await readJson(res);
    if (!res.ok) return setError(body.message ?? "Could not start printing.");
    await follow(body as PrintRunView);
  }

  const pct = run?.total ? Math.round((run.done / run.total) * 100) : 0;
  return (
    <div className="space-y-3" data-testid="print-letters">
      <button
        type="button"
        onClick={start}
        disabled={run?.state === "running" || count === 0}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {run?.state === "running" ? "Preparing…" : `Print today's letters (${count})`}
      </button>
      {run && run.state !== "failed" && (
        <div aria-live="polite" className="space-y-2 text-sm">
          <div
            className="h-2 w-full max-w-md overflow-hidden rounded bg-slate-200"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={run.state === "ready" ? 100 : pct}
            aria-label="Print progress"
          >
            <div
              className="h-full bg-brand-600 transition-all"
              style={{ width: `${run.state === "ready" ? 100 : pct}%` }}
            />
          </div>
          <p>
            {run.state === "running"
              ? run.total
                ? `Rendering letter ${run.done} of ${run.total}…`
                : "Waiting for the job worker…"
              : `${run.letters} letters ready${run.registered ? `, ${run.registered} for registered mail` : ""}.`}
          </p>
          {run.state === "ready" &&
            (run.downloadable ? (
              <a
                href={`/api/print/${run.id}/pdf`}
                className="inline-block rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50"
                data-testid="print-download"
              >
                Download PDF to print
              </a>
            ) : (
              <p className="text-slate-500">The PDF of this run was cleared after a day. Print again for a new one.</p>
            ))}
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
