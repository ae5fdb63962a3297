"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { ActionForm } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

export interface RuleRow {
  policyId: string;
  countryCode: string;
  customerType: string;
  minOpen: string;
  minOpenCurrency: string;
  tag: string;
}

const input =
  "block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
const small =
  "rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-40";

/** The rules, first match wins: each names a policy and the conditions a customer must all meet (empty: any). */
export function PolicyRulesEditor({
  action,
  rules,
  policies,
}: {
  action: Action;
  rules: RuleRow[];
  policies: { id: string; name: string }[];
}) {
  const [rows, setRows] = useState<RuleRow[]>(rules);
  const update = (i: number, change: Partial<RuleRow>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const move = (i: number, by: -1 | 1) =>
    setRows((all) => {
      const next = [...all];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  if (!policies.length)
    return <p className="text-sm text-slate-500">Create a policy first; rules choose between policies.</p>;
  return (
    <ActionForm
      action={action}
      submitLabel="Save rules"
      hidden={{ rules: JSON.stringify(rows) }}
      resetOnSuccess={false}
      testId="policy-rules"
    >
      {rows.length === 0 && (
        <p className="text-sm text-slate-500">
          No rules: every customer without a policy of its own follows the default.
        </p>
      )}
      <ol className="space-y-2">
        {rows.map((r, i) => (
          <li
            key={`${i}-${r.policyId}`}
            className="rounded-md border border-slate-200 bg-slate-50/60 p-3"
            data-testid="policy-rule"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm font-semibold">Rule {i + 1}</p>
              <div className="flex gap-1">
                <button
                  type="button"
                  className={small}
                  onClick={() => move(i, -1)}
                  disabled={i === 0}
                  aria-label={`Move rule ${i + 1} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className={small}
                  onClick={() => move(i, 1)}
                  disabled={i === rows.length - 1}
                  aria-label={`Move rule ${i + 1} down`}
                >
                  ↓
                </button>
                <button type="button" className={small} onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </div>
            </div>
            <div className="mt-2 grid gap-2 sm:grid-cols-3 lg:grid-cols-6">
              <label className="text-xs text-slate-600 sm:col-span-3 lg:col-span-2">
                Policy
                <select
                  className={input}
                  value={r.policyId}
                  aria-label={`Rule ${i + 1} policy`}
                  onChange={(e) => update(i, { policyId: e.target.value })}
                >
                  {policies.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-xs text-slate-600">
                Country
                <input
                  className={input}
                  value={r.countryCode}
                  placeholder="any"
                  maxLength={2}
                  onChange={(e) => update(i, { countryCode: e.target.value })}
                />
              </label>
              <label className="text-xs text-slate-600">
                Customer type
                <select
                  className={input}
                  value={r.customerType}
                  aria-label={`Rule ${i + 1} customer type`}
                  onChange={(e) => update(i, { customerType: e.target.value })}
                >
                  <option value="">any</option>
                  <option value="business">business</option>
                  <option value="consumer">consumer</option>
                  <option value="sole_trader">sole trader</option>
                </select>
              </label>
              <label className="text-xs text-slate-600">
                Open at least
                <span className="mt-1 flex gap-1">
                  <input
                    className={`${input} mt-0`}
                    value={r.minOpen}
                    placeholder="any"
                    inputMode="decimal"
                    onChange={(e) => update(i, { minOpen: e.target.value })}
                  />
                  <input
                    className={`${input} mt-0 w-16`}
                    value={r.minOpenCurrency}
                    placeholder="EUR"
                    maxLength={3}
                    aria-label={`Rule ${i + 1} currency`}
                    onChange={(e) => update(i, { minOpenCurrency: e.target.value })}
                  />
                </span>
              </label>
              <label className="text-xs text-slate-600">
                Tag
                <input
                  className={input}
                  value={r.tag}
                  placeholder="any"
                  onChange={(e) => update(i, { tag: e.target.value })}
                />
              </label>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className={small}
        onClick={() =>
          setRows((all) => [
            ...all,
            { policyId: policies[0].id, countryCode: "", customerType: "", minOpen: "", minOpenCurrency: "", tag: "" },
          ])
        }
      >
        + Rule
      </button>
    </ActionForm>
  );
}
