import type { ActionResult } from "@/lib/actions/define-action";
import { CONTACT_TYPES } from "@/lib/collections/contact-types";
import type { FollowUpRow } from "@/lib/collections/list-follow-ups";
import { formatDateOnly, formatInstant } from "@/lib/time/dates";
import { ActionForm, Field } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

const contactOptions = Object.entries(CONTACT_TYPES).map(([value, t]) => ({ value, label: t.label }));

/** The form that completes a call-back: what happened, logged as a contact in the same step. */
export function CompleteFollowUpForm({
  followUpId,
  action,
  today,
  nowTime,
}: {
  followUpId: string;
  action: Action;
  today: string;
  nowTime: string;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel="Log the call and complete"
      hidden={{ followUpId }}
      testId="complete-follow-up"
    >
      <Field name="type" label="What happened" as="select" options={contactOptions} defaultValue="call_spoke" />
      <div className="grid grid-cols-2 gap-3">
        <Field name="occurredOn" label="Date" type="date" defaultValue={today} />
        <Field name="time" label="Time" type="time" defaultValue={nowTime} />
      </div>
      <Field name="note" label="Note" as="textarea" placeholder="Who you spoke to, what was said or agreed" />
    </ActionForm>
  );
}

/** Completes a policy's internal review: a note of what was checked, no contact logged. */
export function CompleteReviewForm({ followUpId, action }: { followUpId: string; action: Action }) {
  return (
    <ActionForm action={action} submitLabel="Mark reviewed" hidden={{ followUpId }} testId="complete-review">
      <Field
        name="note"
        label="What the review found"
        as="textarea"
        placeholder="History checked; ready for the agency"
      />
    </ActionForm>
  );
}

/** A customer's call-backs: open ones to complete or cancel, the closed ones below them, and a form to plan one. */
export function FollowUpsPanel({
  customerId,
  followUps,
  locale,
  timeZone,
  today,
  nowTime,
  actions,
}: {
  customerId: string;
  followUps: FollowUpRow[];
  locale: string;
  timeZone: string;
  today: string;
  nowTime: string;
  /** Absent for roles that may only read. */
  actions?: { schedule: Action; complete: Action; cancel: Action };
}) {
  const day = (d: string) => formatDateOnly(d, locale);
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="follow-ups">
      {followUps.length === 0 ? (
        <p className="text-sm text-slate-500">No call-back planned.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {followUps.map((f) => (
            <li key={f.id} className="py-2" data-testid={`follow-up-${f.state}`}>
              <div className="flex flex-wrap items-baseline gap-2">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-medium ${
                    f.state !== "open"
                      ? "bg-slate-100 text-slate-600"
                      : f.dueOn <= today
                        ? "bg-sky-100 text-sky-900"
                        : "bg-slate-50 text-slate-700"
                  }`}
                >
                  {f.state === "open"
                    ? f.dueOn < today
                      ? "Overdue"
                      : f.dueOn === today
                        ? "Due today"
                        : "Planned"
                    : f.state === "done"
                      ? "Done"
                      : "Cancelled"}
                </span>
                <span className="font-medium">Call back {day(f.dueOn)}</span>
                <span className="text-slate-500">planned by {f.by}</span>
              </div>
              <p className="mt-1 whitespace-pre-line text-slate-700">{f.note}</p>
              {f.state !== "open" && f.closedAt && (
                <p className="mt-1 text-xs text-slate-500">
                  {f.state === "done" ? "Completed" : "Cancelled"} by {f.closedBy ?? "someone"} on{" "}
                  {formatInstant(f.closedAt, timeZone, locale)}
                </p>
              )}
              {f.state === "open" && actions && (
                <div className="mt-2 flex flex-wrap items-start gap-3">
                  <details className="min-w-72 flex-1 rounded-md border border-slate-200 p-3">
                    <summary className="cursor-pointer font-medium">Complete: log the call</summary>
                    <div className="mt-2">
                      <CompleteFollowUpForm
                        followUpId={f.id}
                        action={actions.complete}
                        today={today}
                        nowTime={nowTime}
                      />
                    </div>
                  </details>
                  <ActionForm
                    action={actions.cancel}
                    submitLabel="Cancel call-back"
                    hidden={{ followUpId: f.id }}
                    danger
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {actions && (
        <details className="rounded-md border border-slate-200 p-3 text-sm" data-testid="form-follow-up">
          <summary className="cursor-pointer font-medium">Plan a call-back</summary>
          <div className="mt-2">
            <ActionForm action={actions.schedule} submitLabel="Plan call-back" hidden={{ customerId }}>
              <Field name="dueOn" label="Call back on" type="date" defaultValue={today} hint="Today or later." />
              <Field name="note" label="What about" as="textarea" placeholder="Check the payment promised for Friday" />
            </ActionForm>
          </div>
        </details>
      )}
    </div>
  );
}
