import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm, Field, FieldErrors } from "@/components/action-form";
import { LetterText } from "@/components/letter-text";
import { Money } from "@/components/money";
import { PaymentsKnownUpToNote } from "@/components/payments-known-up-to";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getPaymentsFreshness } from "@/lib/bank/pages";
import { AppError } from "@/lib/errors/app-error";
import { getLetterPreviewPage } from "@/lib/letters/pages";
import { bindAction } from "@/lib/server-actions/bind";
import { formatDateOnly } from "@/lib/time/dates";

const sendLetterAction = bindAction("letters.send");
const releasePaidClaimAction = bindAction("collections.release_paid_claim");

export const metadata: Metadata = { title: "Letter preview" };

export default async function LetterPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { customerId } = await params;
  const currency = String((await searchParams).currency ?? "");
  if (!z.uuid().safeParse(customerId).success || !/^[A-Z]{3}$/.test(currency)) notFound();
  let page: Awaited<ReturnType<typeof getLetterPreviewPage>>;
  let known: Awaited<ReturnType<typeof getPaymentsFreshness>>;
  try {
    [page, known] = await Promise.all([getLetterPreviewPage(user, customerId, currency), getPaymentsFreshness(user)]);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { action, letter } = page.preview;
  const back = (
    <Link href={`/customers/${customerId}`} className="text-sm text-slate-500 hover:text-slate-800">
      ← Back to the customer
    </Link>
  );
  if (action.kind !== "letter" || !letter) {
    return (
      <div className="space-y-4">
        {back}
        <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm" data-testid="next-action">
          {action.reason}
          <span className="mt-1 block text-slate-500">Policy: {page.preview.policy}</span>
        </p>
        {page.paidClaims.length > 0 && (
          <PaidClaimsPanel
            claims={page.paidClaims}
            currency={currency}
            locale={user.locale}
            canRelease={user.role === "ADMIN"}
          />
        )}
      </div>
    );
  }
  const { customerEmail, channel } = page;
  const { refusals } = page.preview;
  const blocked = action.blockedUntilHandoff;
  const early = !action.due && !blocked;
  return (
    <div className="space-y-6">
      {back}
      <PaymentsKnownUpToNote known={known} locale={user.locale} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Preview: letter {action.stage} of 4</h1>
          <p className="text-sm text-slate-600">{action.reason}.</p>
          <p className="text-sm text-slate-600" data-testid="preview-policy">
            Policy: {page.preview.policy}
          </p>
          <p className="text-sm text-slate-600">
            Covers {letter.invoices.length} invoice{letter.invoices.length === 1 ? "" : "s"},{" "}
            <Money minor={letter.totalDueMinor} currency={currency} locale={user.locale} /> in total; payment deadline{" "}
            {formatDateOnly(letter.deadline, user.locale, "long")}.{action.stage === 4 && " Goes by registered mail."}
          </p>
        </div>
        {canWork(user.role) && !blocked && (
          <div
            className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
            data-testid="send-panel"
          >
            {(refusals.post || (customerEmail && refusals.email)) && (
              <div className="mb-3 space-y-1 rounded-lg bg-red-50 p-3 text-sm text-red-900" data-testid="law-refusal">
                <p className="font-medium">The send will refuse this letter as things stand.</p>
                {refusals.post && <p>{refusals.post}</p>}
                {customerEmail && refusals.email && refusals.email !== refusals.post && (
                  <p>By email: {refusals.email}</p>
                )}
              </div>
            )}
            {early && (
              <p className="mb-3 text-sm text-amber-800">
                Not due until {formatDateOnly(action.dueOn, user.locale)}.{" "}
                {user.role === "ADMIN"
                  ? "As an administrator you may send it now with a written reason, which is kept with the letter."
                  : "Only an administrator can send it early."}
              </p>
            )}
            {(!early || user.role === "ADMIN") && (
              <ActionForm
                action={sendLetterAction}
                submitLabel={`Send letter ${action.stage}`}
                pendingLabel="Sending…"
                testId="send-letter"
                hidden={{ customerId, currency, stage: String(action.stage) }}
                confirm={
                  action.stage === 4
                    ? {
                        title: "Send the final letter (letter 4)?",
                        consequences: [
                          "It goes by registered mail and tells the customer the account is with the agency.",
                          "A sent letter is part of the evidence: it cannot be withdrawn or changed.",
                          "No further letters follow from Dunning Desk for this account.",
                        ],
                        confirmLabel: "Send letter 4",
                      }
                    : undefined
                }
              >
                {early && <Field name="overrideReason" label="Why it goes early" as="textarea" />}
                {known.stale && known.knownUpTo && (
                  <div>
                    <label className="flex items-start gap-2 text-sm text-amber-900">
                      <input
                        type="checkbox"
                        name="confirmPaymentsKnownUpTo"
                        value={known.knownUpTo}
                        aria-describedby="confirm-known-up-to-error"
                        className="mt-1"
                      />
                      <span>
                        Payments are known only up to {formatDateOnly(known.knownUpTo, user.locale)}. I confirm this
                        letter goes anyway.
                      </span>
                    </label>
                    {/* The send's refusal without the tick is this field's error: said next to the box, not only "check the fields". */}
                    <FieldErrors name="confirmPaymentsKnownUpTo" id="confirm-known-up-to-error" />
                  </div>
                )}
                <Field
                  name="delivery"
                  label="How it goes"
                  as="select"
                  defaultValue={channel}
                  options={[
                    { value: "post", label: "By post (print today's letters)" },
                    ...(customerEmail ? [{ value: "email", label: "By email, PDF attached" }] : []),
                  ]}
                  hint={[
                    customerEmail ? `Email goes to ${customerEmail}.` : "The customer has no email address.",
                    action.stage === 4 ? "Letter 4 is also printed for registered mail." : "",
                  ]
                    .filter(Boolean)
                    .join(" ")}
                />
              </ActionForm>
            )}
          </div>
        )}
      </div>
      <LetterText subject={letter.subject} body={letter.body} />
    </div>
  );
}

const CLAIM_SOURCE: Record<string, string> = {
  contact: "told a collector (contact log)",
  promise: "promise marked paid",
  portal: "the customer's page",
  api: "the accounting system (API)",
};

/** The "we have paid" claims holding this account's letters, each with an administrator's release. */
function PaidClaimsPanel({
  claims,
  currency,
  locale,
  canRelease,
}: {
  claims: Awaited<ReturnType<typeof getLetterPreviewPage>>["paidClaims"];
  currency: string;
  locale: string;
  canRelease: boolean;
}) {
  return (
    <section className="rounded-xl border border-amber-200 bg-amber-50 p-5 text-sm" data-testid="paid-claims">
      <h2 className="font-semibold">The customer says it has paid</h2>
      <p className="mt-1 text-slate-700">
        The letters wait until a payment dated from the day before is recorded (a bank statement or a payment entered by
        hand)
        {canRelease
          ? ", or until you release the claim with a reason, which is kept in the audit log"
          : ", or until an administrator releases the claim"}
        .
      </p>
      <ul className="mt-3 space-y-3">
        {claims.map((c) => (
          <li key={c.id} className="rounded-lg bg-white p-3 shadow-sm">
            <p>
              Paid on {formatDateOnly(c.paidOn, locale, "long")}
              {c.amountMinor !== null && (
                <>
                  , <Money minor={c.amountMinor} currency={currency} locale={locale} />
                </>
              )}
              {c.reference && <>, reference {c.reference}</>}
              <span className="block text-slate-500">Source: {CLAIM_SOURCE[c.source] ?? c.source}</span>
            </p>
            {canRelease && (
              <ActionForm
                action={releasePaidClaimAction}
                submitLabel="Release the letters"
                pendingLabel="Releasing…"
                testId="release-paid-claim"
                hidden={{ claimId: c.id }}
              >
                <Field
                  name="reason"
                  label="Why the letters may go again"
                  as="textarea"
                  hint="For example: no such payment on the bank statements up to today."
                />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
