"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { type PolicyStep, placeSteps, STEP_KIND_LABELS } from "@/lib/policies/policy-steps";
import { ActionForm, Field } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

const input =
  "block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
const small =
  "rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40";

const KIND_STYLE: Record<PolicyStep["kind"], string> = {
  reminder_email: "border-l-sky-400",
  letter: "border-l-brand-600",
  call_task: "border-l-amber-400",
  review_task: "border-l-violet-400",
};

/** "3 days before the due date", "letter 1 + 4 days": where a step falls, as the stage rules will read it. */
function whenWords(steps: PolicyStep[]): string[] {
  return placeSteps(steps).map((p) => {
    if (p.step.kind === "letter" && p.step.stage === 4)
      return `${p.days} day${p.days === 1 ? "" : "s"} after letter 3's deadline`;
    if (p.fromLetter === 0)
      return p.days === 0
        ? "on the due date"
        : p.days < 0
          ? `${-p.days} day${p.days === -1 ? "" : "s"} before the due date`
          : `${p.days} day${p.days === 1 ? "" : "s"} after the due date`;
    return `${p.days} day${p.days === 1 ? "" : "s"} after letter ${p.fromLetter}`;
  });
}

const newKey = (kind: string) => `${kind.split("_")[0]}-${Math.random().toString(36).slice(2, 8)}`;

/** Letters are numbered by their order: the four are always there, the other steps move around them. */
function renumber(steps: PolicyStep[]): PolicyStep[] {
  let stage = 0;
  return steps.map((s) => (s.kind === "letter" ? { ...s, stage: ++stage } : s));
}

/** A named policy's name, default flag and steps; the steps travel as one JSON field, checked again on the server. */
export function PolicyEditor({
  action,
  policy,
}: {
  action: Action;
  policy: { id: string | null; name: string; isDefault: boolean; steps: PolicyStep[] };
}) {
  const [steps, setSteps] = useState<PolicyStep[]>(policy.steps);
  const when = whenWords(steps);
  const update = (i: number, change: Partial<PolicyStep>) =>
    setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...change } : s)));
  const move = (i: number, by: -1 | 1) =>
    setSteps((all) => {
      const next = [...all];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return renumber(next);
    });
  const add = (kind: PolicyStep["kind"]) =>
    setSteps((all) => {
      const step: PolicyStep = {
        key: newKey(kind),
        kind,
        anchor: kind === "reminder_email" ? "due_date" : "previous_step",
        offsetDays: kind === "reminder_email" ? -3 : 3,
        stage: null,
        deadlineDays: null,
        note: kind === "call_task" ? "Call the customer" : kind === "review_task" ? "Review the history" : "",
      };
      return kind === "reminder_email" ? [step, ...all] : [...all, step];
    });
  return (
    <ActionForm
      action={action}
      submitLabel={policy.id ? "Save policy" : "Create policy"}
      hidden={{ policyId: policy.id ?? "", steps: JSON.stringify(steps) }}
      resetOnSuccess={false}
      testId={`policy-editor-${policy.id ?? "new"}`}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <Field name="name" label="Name" defaultValue={policy.name} placeholder="Consumers" />
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="isDefault" defaultChecked={policy.isDefault} className="size-4" />
          Default for customers no rule matches
        </label>
      </div>
      <ol className="space-y-2" aria-label="Steps">
        {steps.map((s, i) => (
          <li
            key={s.key}
            className={`rounded-md border border-l-4 border-slate-200 bg-slate-50/60 p-3 ${KIND_STYLE[s.kind]}`}
            data-testid="policy-step"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm font-semibold">
                {i + 1}. {s.kind === "letter" ? `Letter ${s.stage}` : STEP_KIND_LABELS[s.kind]}
                <span className="ml-2 font-normal text-slate-500">{when[i]}</span>
              </p>
              <div className="flex gap-1">
                <button
                  type="button"
                  className={small}
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                  aria-label={`Move step ${i + 1} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={small}
                  onClick={() => move(i, 1)}
                  disabled={i === steps.length - 1}
                  aria-label={`Move step ${i + 1} down`}
                >
                  ↓
                </button>
                {s.kind !== "letter" && (
                  <button
                    type="button"
                    className={small}
                    onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}
                    aria-label={`Remove step ${i + 1}`}
                  >
                    Remove
                  </button>
                )}
              </div>
            </div>
            <div className="mt-2 grid gap-2 sm:grid-cols-[7rem_minmax(0,14rem)_1fr]">
              <label className="text-xs text-slate-600">
                Days
                <input
                  type="number"
                  className={input}
                  value={s.offsetDays}
                  aria-label={`Step ${i + 1} days`}
                  onChange={(e) => update(i, { offsetDays: Number.parseInt(e.target.value || "0", 10) })}
                />
              </label>
              <label className="text-xs text-slate-600">
                Counted from
                <select
                  className={input}
                  value={s.anchor}
                  aria-label={`Step ${i + 1} counted from`}
                  disabled={s.kind === "letter" && s.stage !== 1}
                  onChange={(e) => update(i, { anchor: e.target.value as PolicyStep["anchor"] })}
                >
                  <option value="due_date">the due date</option>
                  <option value="previous_step">{s.stage === 4 ? "letter 3's deadline" : "the step before"}</option>
                </select>
              </label>
              {s.kind === "letter" ? (
                <label className="text-xs text-slate-600">
                  Days to pay (the law's minimum still applies)
                  <input
                    type="number"
                    className={`${input} sm:max-w-32`}
                    value={s.deadlineDays ?? 14}
                    aria-label={`Letter ${s.stage} days to pay`}
                    onChange={(e) => update(i, { deadlineDays: Number.parseInt(e.target.value || "0", 10) })}
                  />
                </label>
              ) : s.kind === "reminder_email" ? (
                <p className="self-end pb-1.5 text-xs text-slate-500">
                  A friendly email in the customer's language: no charges, no deadline, no consequences.
                </p>
              ) : (
                <label className="text-xs text-slate-600">
                  What the collector does
                  <input
                    className={input}
                    value={s.note}
                    aria-label={`Step ${i + 1} task`}
                    onChange={(e) => update(i, { note: e.target.value })}
                  />
                </label>
              )}
            </div>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={small} onClick={() => add("reminder_email")}>
          + Courtesy reminder
        </button>
        <button type="button" className={small} onClick={() => add("call_task")}>
          + Phone call
        </button>
        <button type="button" className={small} onClick={() => add("review_task")}>
          + Internal review
        </button>
      </div>
    </ActionForm>
  );
}
