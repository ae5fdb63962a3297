import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field } from "@/components/action-form";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { getReplyPage } from "@/lib/inbound/pages";
import { bindAction } from "@/lib/server-actions/bind";

export const metadata: Metadata = { title: "Reply" };

const markReplyReadAction = bindAction("inbound.mark_read");
const assignReplyAction = bindAction("inbound.assign");

const MATCHED: Record<string, string> = {
  token: "by the reply address of the account",
  sender: "by the sender's address",
  collector: "by a collector",
};

/** One emailed reply as received: its text, attachments, the account it is on, and the collector's answer. */
export default async function ReplyPage({ params }: { params: Promise<{ messageId: string }> }) {
  const user = await requireUser();
  const { messageId } = await params;
  const page = await getReplyPage(user, messageId).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { reply, candidates } = page;
  const working = canWork(user.role);
  const when = new Intl.DateTimeFormat(user.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: user.timeZone,
  });
  const currencies = [...new Set(candidates.flatMap((c) => c.currencies))].sort();
  return (
    <div className="space-y-6">
      <div className="min-w-0">
        <Link href={reply.customer ? "/today" : "/replies"} className="text-sm text-slate-500 hover:text-slate-800">
          ← {reply.customer ? "Today" : "Unassigned replies"}
        </Link>
        <h1 className="break-words text-2xl font-semibold tracking-tight">{reply.subject || "(no subject)"}</h1>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">From</dt>
          <dd className="break-all">
            {reply.fromName ? `${reply.fromName} <${reply.fromAddress}>` : reply.fromAddress}
          </dd>
          <dt className="text-slate-500">To</dt>
          <dd className="break-all">{reply.toAddress}</dd>
          <dt className="text-slate-500">Received</dt>
          <dd>{when.format(reply.receivedAt)}</dd>
          <dt className="text-slate-500">Account</dt>
          <dd data-testid="reply-account">
            {reply.customer ? (
              <>
                <Link href={`/customers/${reply.customer.id}`} className="text-brand-700 hover:underline">
                  {reply.customer.name}
                </Link>{" "}
                {reply.currency ?? "(all currencies)"}, filed {MATCHED[reply.matchedBy ?? ""] ?? ""}
              </>
            ) : (
              "Not filed yet"
            )}
          </dd>
        </dl>
        {reply.autoReply && (
          <p className="mt-2 rounded bg-slate-100 p-2 text-sm text-slate-700">
            An automatic reply (out of office): kept here, not logged as the customer's answer, holds no letter.
          </p>
        )}
      </div>
      <pre className="whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-4 font-sans text-sm text-slate-800 ring-1 ring-slate-200">
        {reply.text || "(no text)"}
      </pre>
      {reply.files.length > 0 && (
        <section aria-labelledby="attachments-heading" className="space-y-2">
          <h2 id="attachments-heading" className="text-lg font-semibold">
            Attachments
          </h2>
          <ul className="space-y-1 text-sm">
            {reply.files.map((f) => (
              <li key={f.id} className="break-all">
                <a href={`/api/replies/${reply.id}/attachments/${f.id}`} className="text-brand-700 hover:underline">
                  {f.filename || "(no name)"}
                </a>{" "}
                <span className="text-slate-500">
                  {f.contentType}, {Math.max(1, Math.round(f.sizeBytes / 1024))} KB
                </span>
              </li>
            ))}
          </ul>
          <p className="text-xs text-slate-500">Downloaded as received; open them with care.</p>
        </section>
      )}
      {reply.customer && !reply.autoReply && (
        <section className="space-y-2">
          {reply.read ? (
            <p className="text-sm text-slate-600">
              Read by {reply.read.by} on {when.format(reply.read.at)}.
            </p>
          ) : working ? (
            <>
              <p className="text-sm text-slate-600">
                Unread: the account's next automatic letter waits until it is read.
              </p>
              <ActionForm action={markReplyReadAction} submitLabel="Mark as read" hidden={{ messageId: reply.id }} />
            </>
          ) : (
            <p className="text-sm text-slate-600">Unread.</p>
          )}
        </section>
      )}
      {!reply.customer && working && (
        <section aria-labelledby="assign-heading" className="max-w-xl space-y-2">
          <h2 id="assign-heading" className="text-lg font-semibold">
            File on a customer
          </h2>
          <ActionForm
            action={assignReplyAction}
            submitLabel="File the reply"
            hidden={{ messageId: reply.id }}
            testId="assign-reply"
          >
            <Field
              as="select"
              name="customerId"
              label="Customer"
              hint="Customers with an address at the sender's domain come first."
              options={candidates.map((c) => ({ value: c.id, label: c.label }))}
            />
            <Field
              as="select"
              name="currency"
              label="Account"
              options={[
                { value: "", label: "All the customer's accounts" },
                ...currencies.map((c) => ({ value: c, label: c })),
              ]}
            />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
