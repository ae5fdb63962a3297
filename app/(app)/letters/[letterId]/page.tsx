import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm, Field } from "@/components/action-form";
import { LetterDocumentsPanel } from "@/components/letter-documents-panel";
import { LetterText } from "@/components/letter-text";
import { Money } from "@/components/money";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { getLetterPage } from "@/lib/letters/pages";
import { toMinor } from "@/lib/money/money";
import { bindAction } from "@/lib/server-actions/bind";
import { dateOnlyFromDb, formatDateOnly, formatInstant } from "@/lib/time/dates";

const recordTrackingAction = bindAction("letters.record_tracking");
const emailLetterAction = bindAction("delivery.email_letter");

export const metadata: Metadata = { title: "Letter" };

export default async function LetterPage({
  params,
  searchParams,
}: {
  params: Promise<{ letterId: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  const user = await requireUser();
  const { letterId } = await params;
  const justSent = (await searchParams).sent === "1";
  if (!z.uuid().safeParse(letterId).success) notFound();
  let page: Awaited<ReturnType<typeof getLetterPage>>;
  try {
    page = await getLetterPage(user, letterId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { letter, delivery, recipient } = page;
  const tracking = letter.events[0];
  const facts: [string, React.ReactNode][] = [
    ["Stage", `Letter ${letter.stage} of 4`],
    ["Sent", `${formatInstant(letter.sentAt, user.timeZone, user.locale)} by ${letter.sentBy?.name ?? "System"}`],
    [
      "Total due",
      <Money key="t" minor={toMinor(letter.totalDueMinor)} currency={letter.currency} locale={user.locale} />,
    ],
    ["Deadline", formatDateOnly(dateOnlyFromDb(letter.deadlineDate), user.locale, "long")],
    ["Why", letter.reason || "—"],
    ...(letter.overrideReason ? [["Sent early because", letter.overrideReason] as [string, string]] : []),
    [
      "SHA-256",
      <code key="h" className="break-all text-xs">
        {letter.contentSha256}
      </code>,
    ],
    ...(letter.registeredMail
      ? [
          [
            "Registered mail",
            tracking ? `Tracking number ${tracking.reference}` : "Tracking number not yet recorded",
          ] as [string, string],
        ]
      : []),
  ];
  return (
    <div className="space-y-6">
      <Link href={`/customers/${letter.customer.id}`} className="text-sm text-slate-500 hover:text-slate-800">
        ← {letter.customer.name}
      </Link>
      {justSent && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Letter {letter.stage} sent and logged in the contact history.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <aside className="space-y-4">
          <dl
            className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
            data-testid="letter-facts"
          >
            {facts.map(([k, v]) => (
              <div key={k}>
                <dt className="text-xs text-slate-500">{k}</dt>
                <dd className="text-slate-800">{v}</dd>
              </div>
            ))}
          </dl>
          <LetterDocumentsPanel
            letterId={letter.id}
            status={delivery}
            customerEmail={recipient.email}
            canWork={canWork(user.role)}
            emailAction={emailLetterAction}
            sendKey={randomUUID()}
            locale={user.locale}
            timeZone={user.timeZone}
          />
          {letter.registeredMail && canWork(user.role) && (
            <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <ActionForm
                action={recordTrackingAction}
                submitLabel={tracking ? "Correct tracking number" : "Save tracking number"}
                hidden={{ letterId: letter.id }}
                testId="form-tracking"
              >
                <Field name="trackingNumber" label="Registered-mail tracking number" />
              </ActionForm>
            </div>
          )}
        </aside>
        <div className="space-y-2">
          <h1 className="text-xl font-semibold">{letter.subject}</h1>
          <LetterText subject={letter.subject} body={letter.body} />
        </div>
      </div>
    </div>
  );
}
