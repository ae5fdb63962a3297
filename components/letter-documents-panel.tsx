import { ActionForm } from "@/components/action-form";
import type { DeliveryStatus } from "@/lib/delivery/delivery-status";

type Action = Parameters<typeof ActionForm>[0]["action"];

const fmt = (d: Date, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(d);

/** Download the letter as a PDF; its email delivery state, with "Send by email" or "Retry". */
export function LetterDocumentsPanel(props: {
  letterId: string;
  status: DeliveryStatus | null;
  customerEmail: string;
  canWork: boolean;
  emailAction: Action;
  /** A uuid per rendered page: a double submit of the email form sends once (lib/delivery/send-once.ts). */
  sendKey: string;
  locale: string;
  timeZone: string;
}) {
  const { status } = props;
  return (
    <div
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid="letter-documents"
    >
      <a
        href={`/api/letters/${props.letterId}/pdf`}
        className="inline-block rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50"
        data-testid="download-pdf"
        download
      >
        Download PDF
      </a>
      <div data-testid="email-status">
        <p className="text-xs text-slate-500">Email</p>
        {!status && (
          <p className="text-slate-700">
            Not emailed{props.customerEmail ? "" : " (the customer has no email address)"}.
          </p>
        )}
        {status?.state === "queued" && (
          <p className="text-slate-700">
            Queued for {status.recipient} since {fmt(status.requestedAt, props.locale, props.timeZone)}.
          </p>
        )}
        {status?.state === "accepted" && status.transport === "outbox" && (
          <p className="text-amber-800">
            In the{" "}
            <a className="underline" href="/outbox">
              outbox
            </a>{" "}
            for {status.recipient} (demo mode: no SMTP server configured, not sent).
          </p>
        )}
        {status?.state === "accepted" && status.transport !== "outbox" && (
          <p className="text-emerald-800">
            Delivered to the mail server for {status.recipient}, {fmt(status.at, props.locale, props.timeZone)}.
          </p>
        )}
        {status?.state === "failed" && (
          <p className="text-red-700" role="alert">
            Delivery to {status.recipient} failed (try {status.attempt}): {status.error}.{" "}
            {status.retrying
              ? "It will be retried automatically; you can also retry now."
              : "Automatic retries are used up."}
          </p>
        )}
      </div>
      {props.canWork && props.customerEmail && (!status || status.state === "failed") && (
        <ActionForm
          action={props.emailAction}
          submitLabel={status ? "Retry email" : `Send by email to ${props.customerEmail}`}
          pendingLabel="Queuing…"
          hidden={{ letterId: props.letterId, idempotencyKey: props.sendKey }}
          testId="email-letter"
        />
      )}
    </div>
  );
}
