import type { Metadata } from "next";
import { headers } from "next/headers";
import { ActionForm, Field } from "@/components/action-form";
import { clientIpFrom } from "@/lib/auth/request-ip";
import type { PortalPage } from "@/lib/portal/get-portal-page";
import { visitPortalPage } from "@/lib/portal/pages";
import { qrSvgPath } from "@/lib/portal/payment-reference";
import { PORTAL_WORDS, type PortalWords } from "@/lib/portal/wording";
import { clockNow } from "@/lib/time/dates";
import { askForTime, disputeInvoice, reportPayment, writeMessage } from "./actions";

// The customer's page behind every letter: no sign-in, the link is the key. Everything
// on it comes from lib/portal (the one account the link opens); nothing from another
// origin is loaded, and every form works without JavaScript too.

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account", robots: { index: false, follow: false } };

export default async function CustomerPortalPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const h = await headers();
  const view = await visitPortalPage({ token, ip: clientIpFrom(h), now: clockNow(), rateNow: new Date() });
  if (view.status !== "ok") return <DeadLink limited={view.status === "limited"} />;
  const page = view.value;
  const w = PORTAL_WORDS[page.language];
  return (
    <main lang={page.lang} className="mx-auto max-w-4xl space-y-6 px-4 py-6 text-slate-900 sm:py-10">
      <header className="space-y-2">
        <p className="text-sm font-medium text-brand-700">{page.org.name}</p>
        <h1 className="text-2xl font-semibold">{w.title(page.org.name)}</h1>
        <p className="text-slate-600">{w.intro(page.customerName)}</p>
        <p className="mt-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <span className="block text-sm text-slate-600">{w.totalOpen}</span>
          <span className="text-2xl font-semibold tabular-nums" data-testid="portal-total">
            {page.totalOpen}
          </span>
        </p>
      </header>
      <Invoices page={page} w={w} token={token} />
      <Charges page={page} w={w} />
      <Payment page={page} w={w} />
      <Letters page={page} w={w} token={token} />
      <Answers page={page} w={w} token={token} />
      <footer className="border-t border-slate-200 pt-4 text-sm text-slate-600">
        {w.contact(page.org.phone, page.org.email)}
      </footer>
    </main>
  );
}

function Section({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <section id={id} aria-labelledby={`${id ?? title}-h`} className="space-y-3">
      <h2 id={`${id ?? title}-h`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Invoices({ page, w, token }: { page: PortalPage; w: PortalWords; token: string }) {
  return (
    <Section title={w.openInvoices} id="invoices">
      {page.invoices.length === 0 ? (
        <p className="text-slate-600">{w.noOpenInvoices}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
          {page.invoices.map((i) => (
            <li
              key={i.id}
              className="grid grid-cols-2 gap-x-4 gap-y-1 p-3 sm:grid-cols-[minmax(12rem,1.5fr)_1fr_1fr_1.2fr_auto]"
            >
              <span className="font-medium">
                {w.invoice} <span className="whitespace-nowrap">{i.number}</span>
                {i.disputed && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">{w.disputed}</span>
                )}
              </span>
              <span className="text-right text-sm text-slate-600 sm:text-left">
                {w.due} {i.due}
              </span>
              <span className="text-sm text-slate-600">
                {w.amount} <span className="whitespace-nowrap">{i.amount}</span>
              </span>
              <span className="text-right font-semibold tabular-nums sm:text-left">
                {w.open} <span className="whitespace-nowrap">{i.open}</span>
              </span>
              <span className="col-span-2 text-sm sm:col-span-1 sm:text-right">
                {i.hasCopy && (
                  <a className="text-brand-700 underline" href={`/p/${token}/invoices/${i.id}`} download>
                    {w.copy} (PDF)
                  </a>
                )}
                {i.reference && (
                  <span className="block text-xs text-slate-500">
                    {page.bank?.usesKid ? w.kid : w.reference}: <span className="font-mono">{i.reference}</span>
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Charges({ page, w }: { page: PortalPage; w: PortalWords }) {
  if (!page.charges.length && !page.credit) return null;
  return (
    <Section title={w.charges} id="charges">
      {page.charges.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
          {page.charges.map((c) => (
            <li key={c.id} className="flex justify-between gap-4 p-3 text-sm">
              <span>
                {w.chargeKinds[c.kind] ?? c.kind}
                {c.invoiceNumber ? ` · ${w.invoice} ${c.invoiceNumber}` : ""}
              </span>
              <span className="font-semibold tabular-nums">{c.open}</span>
            </li>
          ))}
        </ul>
      )}
      {page.credit && <p className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900">{w.credit(page.credit)}</p>}
    </Section>
  );
}

function Payment({ page, w }: { page: PortalPage; w: PortalWords }) {
  const qr = page.epc ? qrSvgPath(page.epc.modules) : null;
  return (
    <Section title={w.payment} id="payment">
      <div className="flex flex-col gap-4 rounded-lg p-4 ring-1 ring-slate-200 sm:flex-row sm:items-start">
        <dl className="grid flex-1 grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {page.bank?.bankName && (
            <>
              <dt className="text-slate-600">{w.bank}</dt>
              <dd>{page.bank.bankName}</dd>
            </>
          )}
          {page.bank?.iban && (
            <>
              <dt className="text-slate-600">IBAN</dt>
              <dd className="font-mono break-all">{page.bank.iban}</dd>
            </>
          )}
          {page.bank?.bic && (
            <>
              <dt className="text-slate-600">BIC</dt>
              <dd className="font-mono">{page.bank.bic}</dd>
            </>
          )}
          {page.bank?.accountNumber && (
            <>
              <dt className="text-slate-600">{w.account}</dt>
              <dd className="font-mono">{page.bank.accountNumber}</dd>
            </>
          )}
          {page.org.paymentInstructions && (
            <>
              <dt className="text-slate-600">{w.otherWays}</dt>
              <dd className="whitespace-pre-line">{page.org.paymentInstructions}</dd>
            </>
          )}
        </dl>
        {qr && page.epc && (
          <figure className="mx-auto w-44 shrink-0 text-center sm:mx-0">
            <svg
              viewBox={`0 0 ${qr.size} ${qr.size}`}
              className="h-44 w-44 bg-white"
              role="img"
              aria-label={`SEPA QR ${page.epc.amount}`}
              data-testid="epc-qr"
              shapeRendering="crispEdges"
            >
              <path d={qr.d} fill="#000" />
            </svg>
            <figcaption className="mt-1 text-xs text-slate-600">
              {page.epc.amount} · {w.qrCaption}
            </figcaption>
          </figure>
        )}
      </div>
    </Section>
  );
}

function Letters({ page, w, token }: { page: PortalPage; w: PortalWords; token: string }) {
  return (
    <Section title={w.letters} id="letters">
      {page.letters.length === 0 ? (
        <p className="text-slate-600">{w.noLetters}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
          {page.letters.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span className="font-medium">{w.letter(l.stage)}</span>
              <span className="text-slate-600">
                {w.sentOn} {l.sent}
              </span>
              <span className="tabular-nums">{l.total}</span>
              <a className="text-brand-700 underline" href={`/p/${token}/letters/${l.id}`} download>
                {w.download} (PDF)
              </a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Disclosure({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <details className="group rounded-lg ring-1 ring-slate-200 open:bg-slate-50" data-testid={testId}>
      <summary className="cursor-pointer list-none p-4 font-medium marker:hidden">
        <span className="mr-2 inline-block transition group-open:rotate-90" aria-hidden="true">
          ›
        </span>
        {title}
      </summary>
      <div className="px-4 pb-4">{children}</div>
    </details>
  );
}

function Answers({ page, w, token }: { page: PortalPage; w: PortalWords; token: string }) {
  const hidden = { token };
  const common = { hidden, fieldsMessage: w.errors.invalid, pendingLabel: "…" };
  const disputable = page.invoices.filter((i) => !i.disputed);
  return (
    <Section title={w.actions} id="answer">
      <div className="space-y-3">
        <Disclosure title={w.paid.title} testId="portal-paid">
          <ActionForm action={reportPayment} submitLabel={w.paid.submit} {...common}>
            <Field name="paidOn" label={w.paid.date} type="date" defaultValue={page.today} />
            <Field name="amount" label={w.paid.amount} inputMode="decimal" />
            <Field name="reference" label={w.paid.reference} />
          </ActionForm>
        </Disclosure>
        {disputable.length > 0 && (
          <Disclosure title={w.dispute.title} testId="portal-dispute">
            <ActionForm action={disputeInvoice} submitLabel={w.dispute.submit} {...common}>
              <Field
                as="select"
                name="invoiceId"
                label={w.dispute.invoice}
                options={disputable.map((i) => ({ value: i.id, label: `${i.number} · ${i.open}` }))}
              />
              <Field as="textarea" name="reason" label={w.dispute.reason} rows={3} />
              <Field name="file" label={w.dispute.file} type="file" hint={w.dispute.fileHint} />
            </ActionForm>
          </Disclosure>
        )}
        <Disclosure title={w.time.title} testId="portal-time">
          <ActionForm action={askForTime} submitLabel={w.time.submit} {...common}>
            <Field name="promisedFor" label={w.time.promise} type="date" />
            <Field
              as="textarea"
              name="instalments"
              label={`${w.time.plan}. ${w.time.planLines}`}
              hint={w.time.planHint}
              rows={3}
            />
            <Field as="textarea" name="note" label={w.time.note} rows={2} />
          </ActionForm>
        </Disclosure>
        <Disclosure title={w.message.title} testId="portal-message">
          <ActionForm action={writeMessage} submitLabel={w.message.submit} {...common}>
            <Field as="textarea" name="text" label={w.message.text} rows={4} />
          </ActionForm>
        </Disclosure>
      </div>
      {page.requests.length > 0 && (
        <div className="pt-2">
          <h3 className="text-sm font-semibold text-slate-700">{w.yourRequests}</h3>
          <ul className="mt-2 space-y-1 text-sm" data-testid="portal-requests">
            {page.requests.map((r) => (
              <li key={r.id} className="flex justify-between gap-4">
                <span>{w.requestKinds[r.kind]}</span>
                <span className="text-slate-600">
                  {r.on} · {r.answered ? w.answered : w.received}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}

function DeadLink({ limited }: { limited: boolean }) {
  // The visitor's language is unknown here: the three say the same thing.
  return (
    <main className="mx-auto max-w-xl space-y-6 px-4 py-10">
      {(["en", "it", "nb"] as const).map((lang) => (
        <section key={lang} lang={lang} className="space-y-1">
          <h1 className="text-lg font-semibold">{PORTAL_WORDS[lang].deadLink.title}</h1>
          <p className="text-slate-600">{limited ? PORTAL_WORDS[lang].tooMany : PORTAL_WORDS[lang].deadLink.text}</p>
        </section>
      ))}
    </main>
  );
}
