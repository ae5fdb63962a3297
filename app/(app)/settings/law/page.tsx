import type { Metadata } from "next";
import { ActionForm, Field } from "@/components/action-form";
import { RateWarnings } from "@/components/rate-warnings";
import { requireUser } from "@/lib/auth/session";
import { getLawSettingsPage } from "@/lib/law/pages";
import { formatMoney } from "@/lib/money/money";
import { bindAction } from "@/lib/server-actions/bind";

const addFeeAmountAction = bindAction("law.add_fee_amount");
const addReferenceRateAction = bindAction("law.add_reference_rate");
const importRateFileAction = bindAction("law.import_rate_file");
const updateLawSettingsAction = bindAction("law.update_settings");

export const metadata: Metadata = { title: "Law and rates" };

const CHARGES: [name: "statutoryInterest" | "statutoryCompensation" | "reminderFee" | "italyDiffida", label: string][] =
  [
    ["statutoryInterest", "Statutory late-payment interest (Norway, Italy, UK)"],
    ["statutoryCompensation", "Statutory fixed compensation (NO standardkompensasjon, IT EUR 40, UK GBP 40/70/100)"],
    [
      "reminderFee",
      "Norwegian purregebyr and inkassovarsel fee (1/20 of the inkassosats each, at most two per claim, the second after the first deadline)",
    ],
    ["italyDiffida", "Italy: letter 3 is a diffida ad adempiere (15 days; it terminates the contract)"],
  ];

const UPLOAD_HINT: Record<string, string> = {
  ECB_MRO: "ECB Data Portal, FM.D.U2.EUR.4F.KR.MRR_FR.LEV as SDMX CSV",
  NO_POLICY: "Norges Bank open data, IR B.KPRA.SD.R as CSV or SDMX-JSON",
  BOE_BANK: "Bank of England database, IUDBEDR as CSV",
};

export default async function LawPage() {
  const user = await requireUser();
  const page = await getLawSettingsPage(user);
  const admin = user.role === "ADMIN";
  const s = page.settings;
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Law and rates</h1>
        <p className="text-sm text-slate-500">
          Letters follow the customer&apos;s country. Each charge is off until you switch it on; letters state each one
          as its own line with its rate and period, and it is never added to an invoice.
        </p>
      </div>
      <RateWarnings warnings={page.warnings} linkToLaw={false} />
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 font-semibold">Charges</h2>
        {admin ? (
          <ActionForm action={updateLawSettingsAction} submitLabel="Save charges" testId="law-settings-form">
            <div className="space-y-2">
              {CHARGES.map(([name, label]) => (
                <label key={name} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name={name} defaultChecked={s[name]} className="mt-1" />
                  <span>{label}</span>
                </label>
              ))}
            </div>
            <div className="mt-4 grid gap-x-6 sm:grid-cols-2">
              <Field
                as="select"
                name="contactBeforeLetter1"
                label="A logged reminder or call before letter 1"
                defaultValue={s.contactBeforeLetter1 === null ? "profile" : s.contactBeforeLetter1 ? "yes" : "no"}
                options={[
                  { value: "profile", label: "As the country profile says" },
                  { value: "yes", label: "Always required" },
                  { value: "no", label: "Not required" },
                ]}
              />
              <Field
                name="contractualInterestPercent"
                label="Contractual interest, % a year (generic profile)"
                defaultValue={s.contractualInterestPercent ?? ""}
                inputMode="decimal"
              />
              <Field
                name="flatFeeMinor"
                label="Flat late fee per invoice, in cents (generic profile)"
                defaultValue={s.flatFeeMinor === null ? "" : String(s.flatFeeMinor)}
                inputMode="decimal"
              />
              <Field name="flatFeeCurrency" label="Flat fee currency" defaultValue={s.flatFeeCurrency ?? ""} />
            </div>
          </ActionForm>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {CHARGES.map(([name, label]) => (
              <li key={name}>
                {label}: <strong>{s[name] ? "on" : "off"}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
      {page.series.map((series) => (
        <section key={series.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 font-semibold">{series.name}</h2>
          <ul className="divide-y divide-slate-100 text-sm">
            {series.rows.map((r) => (
              <li key={r.from} className="py-2">
                <div className="flex flex-wrap items-baseline gap-x-4">
                  <span className="whitespace-nowrap text-slate-600">
                    {r.from} – {r.to}
                  </span>
                  <span className="font-medium tabular-nums">{r.referencePercent} %</span>
                  {r.needsCheck && (
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">needs checking</span>
                  )}
                </div>
                <p className="mt-0.5 text-slate-500">{r.source}</p>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-slate-500" data-testid={`last-fetch-${series.id}`}>
            {series.lastFetch
              ? `Last automatic fetch ${series.lastFetch.attemptedAt.toISOString().slice(0, 16).replace("T", " ")} UTC: ${series.lastFetch.ok ? "" : "failed. "}${series.lastFetch.message}`
              : "The worker fetches this series daily; no attempt is recorded yet."}
          </p>
          {admin && (
            <div className="mt-4">
              <ActionForm
                action={importRateFileAction}
                submitLabel="Read the file"
                hidden={{ series: series.id }}
                testId={`upload-rate-${series.id}`}
                resetOnSuccess
              >
                <Field
                  name="file"
                  label={`${series.name}: the central bank's file (${UPLOAD_HINT[series.id]})`}
                  type="file"
                />
              </ActionForm>
            </div>
          )}
          {admin && series.nextFrom && (
            <div className="mt-4">
              <ActionForm
                action={addReferenceRateAction}
                submitLabel={`Add the rate from ${series.nextFrom}`}
                hidden={{ series: series.id, from: series.nextFrom }}
                testId={`add-rate-${series.id}`}
              >
                <div className="grid gap-x-6 sm:grid-cols-2">
                  <Field name="referencePercent" label="Reference rate, %" inputMode="decimal" placeholder="4.00" />
                  <Field name="source" label="Source" placeholder="The regulation or the central bank's decision" />
                </div>
              </ActionForm>
            </div>
          )}
        </section>
      ))}
      {page.feeAmounts.map((fee) => (
        <section key={fee.kind} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 font-semibold">Norwegian {fee.name}</h2>
          <ul className="divide-y divide-slate-100 text-sm">
            {fee.rows.map((r) => (
              <li key={r.from} className="py-2">
                <div className="flex flex-wrap items-baseline gap-x-4">
                  <span className="whitespace-nowrap text-slate-600">
                    {r.from} – {r.to ?? "until a newer row"}
                  </span>
                  <span className="font-medium tabular-nums">{formatMoney(r.amountMinor, "NOK", "nb-NO")}</span>
                  {r.needsCheck && (
                    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">needs checking</span>
                  )}
                </div>
                <p className="mt-0.5 text-slate-500">{r.source}</p>
              </li>
            ))}
          </ul>
          {admin && (
            <div className="mt-4">
              <ActionForm
                action={addFeeAmountAction}
                submitLabel="Add the amount"
                hidden={{ kind: fee.kind }}
                testId={`add-fee-${fee.kind}`}
                resetOnSuccess
              >
                <div className="grid gap-x-6 sm:grid-cols-3">
                  <Field name="from" label="From (a day)" placeholder="2027-01-01" />
                  <Field name="amount" label="Amount, NOK" inputMode="decimal" placeholder="750" />
                  <Field name="source" label="Source" placeholder="The regulation and its date" />
                </div>
              </ActionForm>
            </div>
          )}
        </section>
      ))}
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 font-semibold">Country profiles</h2>
        <ul className="space-y-2 text-sm">
          {page.profiles.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {p.formalNoticeKind
                ? ` — letter ${p.formalNoticeStage} is the ${p.formalNoticeKind.replaceAll("_", " ")}`
                : ""}
              <span className="text-slate-500"> · {p.sources.join("; ")}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
