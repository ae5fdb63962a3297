import type { Metadata } from "next";
import { ActionForm, Field } from "@/components/action-form";
import { requireUser } from "@/lib/auth/session";
import { getPolicyPage } from "@/lib/collections/pages";
import { bindAction } from "@/lib/server-actions/bind";

const updatePolicyAction = bindAction("collections.update_policy");

export const metadata: Metadata = { title: "Collection policy" };

export default async function PolicyPage() {
  const user = await requireUser();
  const policy = await getPolicyPage(user);
  const timing: [string, string, number, string][] = [
    [
      "letter1AfterDueDays",
      "Letter 1: days after the due date",
      policy.letter1AfterDueDays,
      "1 = the day after the oldest invoice falls due.",
    ],
    [
      "letter2AfterDays",
      "Letter 2: days after letter 1 went unanswered",
      policy.letter2AfterDays,
      "At once when a promise made after letter 1 is broken.",
    ],
    [
      "letter3AfterDays",
      "Letter 3: days after letter 2",
      policy.letter3AfterDays,
      "At once when a promise made after letter 2 is broken.",
    ],
    [
      "letter4AfterDeadlineDays",
      "Letter 4: days after letter 3's deadline",
      policy.letter4AfterDeadlineDays,
      "And only after a hand-off to an agency is recorded.",
    ],
  ];
  const deadlines = policy.deadlineDays.map(
    (d, i) => [`deadlineDays${i + 1}`, `Letter ${i + 1}: minimum days to the payment deadline`, d] as const,
  );
  const admin = user.role === "ADMIN";
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Collection policy</h1>
        <p className="text-sm text-slate-500">
          When each letter becomes due, and how long each letter gives to pay.{" "}
          {admin ? "" : "Only an administrator can change it."}
        </p>
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        {admin ? (
          <ActionForm action={updatePolicyAction} submitLabel="Save policy" testId="policy-form">
            <div className="grid gap-x-6 sm:grid-cols-2">
              {timing.map(([name, label, value, hint]) => (
                <Field key={name} name={name} label={label} type="number" defaultValue={String(value)} hint={hint} />
              ))}
              {deadlines.map(([name, label, value]) => (
                <Field key={name} name={name} label={label} type="number" defaultValue={String(value)} />
              ))}
            </div>
          </ActionForm>
        ) : (
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {[...timing, ...deadlines].map(([name, label, value]) => (
              <div key={name}>
                <dt className="text-slate-500">{label}</dt>
                <dd className="font-medium">{value} days</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </div>
  );
}
