import type { Metadata } from "next";
import { z } from "zod";
import { ActionForm, Field } from "@/components/action-form";
import { Pager } from "@/components/pager";
import { RateEntries } from "@/components/rate-entries";
import { requireUser } from "@/lib/auth/session";
import { getExchangeRatesPage } from "@/lib/rates/pages";
import { bindAction } from "@/lib/server-actions/bind";

const enterRateAction = bindAction("rates.enter");
const importRatesAction = bindAction("rates.import_csv");
const setBaseCurrencyAction = bindAction("rates.set_base_currency");

export const metadata: Metadata = { title: "Exchange rates" };

const section = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-xs";

export default async function ExchangeRatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const pageNumber = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse((await searchParams).page);
  const page = await getExchangeRatesPage(user, { page: pageNumber });
  const admin = user.role === "ADMIN";
  const base = page.base;
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Exchange rates</h1>
        <p className="text-sm text-slate-500">
          The worklist and the aging report&apos;s sort by open amount compare accounts in the base currency, at the
          latest rate dated on or before the day shown. Amounts are shown in their own currency; the converted figure is
          only a guide. A rate reads &quot;1 {base} = rate × currency&quot;, as the ECB quotes (1 EUR = 11.7150 NOK).
        </p>
      </div>

      <section className={section} aria-labelledby="base-heading">
        <h2 id="base-heading" className="mb-2 font-semibold">
          Base currency: {base}
        </h2>
        {admin ? (
          <ActionForm action={setBaseCurrencyAction} submitLabel="Change the base currency" testId="base-currency-form">
            <Field
              name="baseCurrency"
              label="New base currency (ISO 4217)"
              hint="Rates entered against the old base stay in the history and are no longer used: enter or import rates against the new one."
              placeholder="EUR"
            />
          </ActionForm>
        ) : (
          <p className="text-sm text-slate-600">Administrators change the base currency.</p>
        )}
      </section>

      <section className={section} aria-labelledby="in-force-heading">
        <h2 id="in-force-heading" className="mb-2 font-semibold">
          In force today ({page.today})
        </h2>
        {page.inForce.length ? (
          <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2" data-testid="rates-in-force">
            {page.inForce.map((r) => (
              <li key={r.currency} className="flex flex-wrap gap-x-2">
                <span className="font-medium tabular-nums">
                  1 {base} = {r.rate} {r.currency}
                </span>
                <span className="text-slate-500">since {r.validOn}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            No rates yet: accounts in other currencies are listed after those in {base}, per currency.
          </p>
        )}
      </section>

      {admin && (
        <section className={section} aria-labelledby="enter-heading">
          <h2 id="enter-heading" className="mb-2 font-semibold">
            Enter a rate
          </h2>
          <p className="mb-3 text-sm text-slate-500">
            A second rate for the same currency and day corrects the first: the newest entry is used, and the earlier
            one stays in the list.
          </p>
          <ActionForm action={enterRateAction} submitLabel="Save rate" testId="enter-rate-form" resetOnSuccess>
            <div className="grid gap-x-6 sm:grid-cols-2">
              <Field name="currency" label="Currency (ISO 4217)" placeholder="NOK" />
              <Field name="validOn" label="Valid from" type="date" defaultValue={page.today} />
              <Field
                name="rate"
                label={`Rate: 1 ${base} = … of the currency`}
                inputMode="decimal"
                placeholder="11.7150"
              />
              <Field name="source" label="Source" placeholder="ECB euro reference rate of the day" />
            </div>
          </ActionForm>
        </section>
      )}

      {admin && (
        <section className={section} aria-labelledby="import-heading">
          <h2 id="import-heading" className="mb-2 font-semibold">
            Import a CSV
          </h2>
          <div className="mb-3 space-y-2 text-sm text-slate-600">
            <p>
              Two formats, told apart by the header line. The whole file is checked first: one bad line and nothing is
              imported, with the line numbers.
            </p>
            <p>
              <strong>ECB reference rates</strong> (the ECB&apos;s <span className={code}>eurofxref.csv</span> or{" "}
              <span className={code}>eurofxref-hist.csv</span>, unchanged):{" "}
              <span className={code}>Date, USD, JPY, …</span>, one line per day, EUR as the base, dates like{" "}
              <span className={code}>28 November 2026</span> or <span className={code}>2026-11-28</span>;{" "}
              <span className={code}>N/A</span> cells are skipped.
              {base === "EUR"
                ? " The rates are stored as the ECB quotes them."
                : ` Your base is ${base}, so each rate is made a cross rate through the euro: 1 ${base} = (EUR→X ÷ EUR→${base}) X, rounded to 10 decimals; the file must have a ${base} column.`}
            </p>
            <p>
              <strong>One rate a line</strong>, against {base}:{" "}
              <span className={code}>date,currency,rate[,source]</span>, e.g.{" "}
              <span className={code}>2026-11-30,NOK,11.7150,Norges Bank</span>; a line without a source takes the one
              below.
            </p>
          </div>
          <ActionForm action={importRatesAction} submitLabel="Import rates" testId="import-rates-form" resetOnSuccess>
            <div className="grid gap-x-6 sm:grid-cols-2">
              <Field name="csv" label="CSV file" type="file" />
              <Field name="source" label="Source for lines without one" placeholder="Norges Bank" />
            </div>
          </ActionForm>
        </section>
      )}

      <section className={section} aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 font-semibold">
          All entries, newest first
        </h2>
        <RateEntries entries={page.entries} base={base} />
        <div className="mt-3">
          <Pager
            page={page.page}
            pageSize={page.pageSize}
            total={page.total}
            noun="entries"
            hrefFor={(p) => `/settings/rates?page=${p}`}
          />
        </div>
      </section>
    </div>
  );
}
