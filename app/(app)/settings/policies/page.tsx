import type { Metadata } from "next";
import Link from "next/link";
import { PolicyEditor } from "@/components/policy-editor";
import { PolicyRulesEditor } from "@/components/policy-rules-editor";
import { requireUser } from "@/lib/auth/session";
import { getPoliciesPage } from "@/lib/collections/pages";
import { describeRule } from "@/lib/policies/policy-book";
import { STEP_KIND_LABELS } from "@/lib/policies/policy-steps";
import { bindAction } from "@/lib/server-actions/bind";

const savePolicyAction = bindAction("policies.save_policy");
const saveRulesAction = bindAction("policies.save_rules");

export const metadata: Metadata = { title: "Collection policies" };

export default async function PoliciesPage() {
  const user = await requireUser();
  const { standard, policies, rules } = await getPoliciesPage(user);
  const admin = user.role === "ADMIN";
  const names = new Map(policies.map((p) => [p.id, p.name]));
  const card = "space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5";
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Collection policies</h1>
        <p className="text-sm text-slate-500">
          Each customer follows one policy: its own, else the first rule that matches, else the default. A policy may
          remind before the due date and plan calls and reviews between the letters; the law of the customer's country
          still decides the earliest day and the days to pay, and a policy can only be stricter. Changing a policy never
          changes what was sent: accounts take the new steps from their next step.
          {admin ? "" : " Only an administrator can change them."}
        </p>
      </div>

      <section className={card} data-testid="policy-standard">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-semibold">
            Standard{" "}
            {standard.isDefault && (
              <span className="ml-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">default</span>
            )}
          </h2>
          <Link href="/settings/policy" className="text-sm font-medium text-brand-700 hover:underline">
            Letter timing →
          </Link>
        </div>
        <p className="text-sm text-slate-600">
          The four letters, {standard.timing.letter1AfterDueDays} day(s) after the due date, then{" "}
          {standard.timing.letter2AfterDays} and {standard.timing.letter3AfterDays} days apart; letter 4{" "}
          {standard.timing.letter4AfterDeadlineDays} day(s) after letter 3's deadline.
        </p>
      </section>

      {policies.map((p) => (
        <section key={p.id} className={card} data-testid="policy-card" aria-label={`Policy ${p.name}`}>
          <h2 className="font-semibold">
            {p.name}{" "}
            {p.isDefault && (
              <span className="ml-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">default</span>
            )}
          </h2>
          {admin ? (
            <PolicyEditor action={savePolicyAction} policy={p} />
          ) : (
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {p.steps.map((s) => (
                <li key={s.key}>
                  {s.kind === "letter" ? `Letter ${s.stage}` : STEP_KIND_LABELS[s.kind]}
                  {s.note ? `: ${s.note}` : ""}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}

      {admin && (
        <details className={card} open={policies.length === 0} data-testid="policy-new">
          <summary className="cursor-pointer font-semibold">New policy</summary>
          <div className="pt-3">
            <PolicyEditor
              action={savePolicyAction}
              policy={{ id: null, name: "", isDefault: false, steps: standard.steps }}
            />
          </div>
        </details>
      )}

      <section className={card}>
        <h2 className="font-semibold">Rules</h2>
        <p className="text-sm text-slate-500">
          Evaluated in order; the first whose conditions all hold chooses the policy.
        </p>
        {admin ? (
          <PolicyRulesEditor
            action={saveRulesAction}
            policies={policies.map((p) => ({ id: p.id!, name: p.name }))}
            rules={rules.map((r) => ({
              policyId: r.policyId,
              countryCode: r.countryCode ?? "",
              customerType: r.customerType ?? "",
              minOpen:
                r.minOpenMinor === null
                  ? ""
                  : `${Math.trunc(r.minOpenMinor / 100)}.${String(r.minOpenMinor % 100).padStart(2, "0")}`,
              minOpenCurrency: r.minOpenCurrency ?? "",
              tag: r.tag ?? "",
            }))}
          />
        ) : (
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {rules.map((r) => (
              <li key={r.id}>
                {describeRule(r)} → {names.get(r.policyId)}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
