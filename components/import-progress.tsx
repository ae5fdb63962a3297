"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Progress of a running check or import, polled from the server; the page reloads when it ends. */
export function ImportProgress(props: {
  importId: string;
  label: string;
  status: string;
  bytesRead: number;
  byteSize: number;
}) {
  const router = useRouter();
  const [progress, setProgress] = useState({ bytesRead: props.bytesRead, rowCount: 0 });
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/imports/${props.importId}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok || stopped) return;
      const data = await response.json();
      setProgress({ bytesRead: data.bytesRead, rowCount: data.rowCount });
      if (data.status !== props.status) {
        stopped = true;
        clearInterval(timer);
        router.refresh();
      }
    }, 500);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [props.importId, props.status, router]);
  const percent = props.byteSize ? Math.min(100, Math.round((progress.bytesRead / props.byteSize) * 100)) : 0;
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex justify-between text-sm">
        <span id="import-progress-label" className="font-medium text-slate-700">
          {props.label}
        </span>
        <span className="text-slate-500" aria-live="polite">
          {progress.rowCount ? `${progress.rowCount.toLocaleString("en")} rows · ` : ""}
          {percent}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-2 h-2.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
