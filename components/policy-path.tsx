import type { ResolvedPolicy } from "@/lib/policies/policy-book";
import type { PathStep } from "@/lib/policies/step-path";
import { formatDateOnly } from "@/lib/time/dates";

const STATE_STYLE: Record<PathStep["state"], string> = {
  done: "bg-emerald-100 text-emerald-800",
  due: "bg-amber-100 text-amber-900",
  planned: "bg-slate-100 text-slate-700",
  waiting: "bg-slate-50 text-slate-500",
  skipped: "bg-slate-50 text-slate-400 line-through",
};

const STATE_WORD: Record<PathStep["state"], string> = {
  done: "done",
  due: "due",
  planned: "planned",
  waiting: "later",
  skipped: "passed",
};

/** The collection policy an account follows, why, and its path through the steps. */
export function PolicyPath({ policy, path, locale }: { policy: ResolvedPolicy; path: PathStep[]; locale: string }) {
  return (
    <details className="rounded-md border border-slate-200 text-sm" data-testid="policy-path" open={path.length > 4}>
      <summary className="cursor-pointer px-3 py-2">
        Policy <strong>{policy.name}</strong> <span className="text-slate-500">({policy.why})</span>
      </summary>
      <ol className="space-y-1 border-t border-slate-100 px-3 py-2">
        {path.map((s) => (
          <li key={s.index} className="flex items-start gap-2" data-testid="path-step" data-state={s.state}>
            <span className={`mt-0.5 shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[s.state]}`}>
              {STATE_WORD[s.state]}
            </span>
            <span className="min-w-0 flex-1">{s.label}</span>
            <span className="shrink-0 tabular-nums text-slate-500">{s.on ? formatDateOnly(s.on, locale) : "—"}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
