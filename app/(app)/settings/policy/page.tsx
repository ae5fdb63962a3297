import type { Metadata } from "next";
import { ActionForm, Field } from "@/components/action-form";
import { requireUser } from "@/lib/auth/session";
import { getPolicySettings } from "@/lib/collections/policy-settings";
import { db } from "@/lib/db/client";
import { updatePolicyAction } from "./actions";

const CONTACT_CHOICES = [
  { value: "profile", label: "As the customer's country profile says" },
  { value: "required", label: "Required" },
  { value: "off", label: "Not required" },
];

export const metadata: Metadata = { title: "Collection policy" };

export default async function PolicyPage() {
  const user = await requireUser();
  const policy = await getPolicySettings(db(), { orgId: user.orgId });
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
  const contactChoice =
    policy.requireContactBeforeLetter1 === null ? "profile" : policy.requireContactBeforeLetter1 ? "required" : "off";
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
              <Field
                as="select"
                name="contactBeforeLetter1"
                label="Before letter 1: a logged reminder email or call"
                defaultValue={contactChoice}
                options={CONTACT_CHOICES}
              />
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
            <div>
              <dt className="text-slate-500">Before letter 1: a logged reminder email or call</dt>
              <dd className="font-medium">{CONTACT_CHOICES.find((c) => c.value === contactChoice)?.label}</dd>
            </div>
          </dl>
        )}
      </div>
    </div>
  );
}
