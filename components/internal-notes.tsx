import type { ActionResult } from "@/lib/actions/define-action";
import type { InternalNoteRow } from "@/lib/collections/internal-notes";
import { formatInstant } from "@/lib/time/dates";
import { ActionForm, Field } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

/**
 * Internal notes, kept visibly apart from the contact history: their own
 * heading, a yellow note style and the words "not sent to the customer" on each.
 */
export function InternalNotes({
  customerId,
  notes,
  locale,
  timeZone,
  add,
}: {
  customerId: string;
  notes: InternalNoteRow[];
  locale: string;
  timeZone: string;
  add?: Action;
}) {
  return (
    <section
      aria-labelledby="notes-heading"
      className="space-y-3 rounded-xl border border-dashed border-yellow-400 bg-yellow-50 p-4"
      data-testid="internal-notes"
    >
      <div>
        <h2 id="notes-heading" className="text-lg font-semibold text-yellow-950">
          Internal notes
        </h2>
        <p className="text-xs text-yellow-900">For the team only: never in letters, the hand-off pack or statements.</p>
      </div>
      {add && (
        <ActionForm action={add} submitLabel="Add internal note" hidden={{ customerId }}>
          <Field
            name="body"
            label="Internal note"
            as="textarea"
            placeholder="Only for colleagues: not sent to the customer"
          />
        </ActionForm>
      )}
      {notes.length === 0 ? (
        <p className="text-sm text-yellow-900">No internal note yet.</p>
      ) : (
        <ul className="space-y-2">
          {notes.map((n) => (
            <li
              key={n.id}
              className="rounded-md border border-yellow-300 bg-white/70 p-3 text-sm"
              data-testid="internal-note"
            >
              <p className="text-xs font-semibold uppercase tracking-wide text-yellow-900">
                Internal note — not sent to the customer
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-800">{n.body}</p>
              <p className="mt-1 text-xs text-slate-600">
                {n.by}, {formatInstant(n.at, timeZone, locale)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
