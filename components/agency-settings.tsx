import { ActionForm, Field } from "@/components/action-form";
import type { ActionResult } from "@/lib/actions/define-action";
import type { SavedAgency } from "@/lib/collections/agencies";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

function AgencyFields({ agency }: { agency?: SavedAgency }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field name="name" label="Name" defaultValue={agency?.name} />
      <Field name="email" label="Email (optional)" type="email" defaultValue={agency?.email} />
      <Field name="address" label="Address (optional)" as="textarea" defaultValue={agency?.address} />
      <Field
        name="paymentDetails"
        label="Payment details (optional)"
        as="textarea"
        defaultValue={agency?.paymentDetails}
        hint="Where the customer pays the agency; letter 4 prints it."
      />
      <Field
        name="referenceFormat"
        label="Reference format (optional)"
        defaultValue={agency?.referenceFormat}
        placeholder="NR-#####"
        hint="# a digit, @ a letter, the rest as written. A hand-off with a reference that does not fit is refused."
      />
    </div>
  );
}

/**
 * Settings → Agencies: the agencies the organization hands accounts to. An admin adds,
 * changes and removes them (each audited); others read the list.
 */
export function AgencySettings({
  agencies,
  actions,
}: {
  agencies: SavedAgency[];
  actions?: { save: Action; remove: Action };
}) {
  const card = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5";
  return (
    <div className="space-y-4">
      {agencies.length === 0 && <p className="text-sm text-slate-500">No agencies saved yet.</p>}
      <ul className="space-y-4" data-testid="agency-list">
        {agencies.map((a) => (
          <li key={a.id} className={card} data-testid="agency">
            <h2 className="font-semibold">{a.name}</h2>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-slate-500">Address</dt>
              <dd className="whitespace-pre-line break-words">{a.address || "—"}</dd>
              <dt className="text-slate-500">Email</dt>
              <dd className="break-all">{a.email || "—"}</dd>
              <dt className="text-slate-500">Payment details</dt>
              <dd className="whitespace-pre-line break-words">{a.paymentDetails || "—"}</dd>
              <dt className="text-slate-500">Reference format</dt>
              <dd className="font-mono">{a.referenceFormat || "any"}</dd>
            </dl>
            {actions && (
              <div className="mt-3 grid gap-3 md:grid-cols-[1fr_auto]">
                <details className="text-sm">
                  <summary className="cursor-pointer font-medium text-brand-700">Change</summary>
                  <div className="mt-2">
                    <ActionForm
                      action={actions.save}
                      submitLabel="Save agency"
                      hidden={{ agencyId: a.id }}
                      resetOnSuccess={false}
                    >
                      <AgencyFields agency={a} />
                    </ActionForm>
                  </div>
                </details>
                <ActionForm
                  action={actions.remove}
                  submitLabel="Remove"
                  hidden={{ agencyId: a.id }}
                  danger
                  confirm={{
                    title: `Remove ${a.name}?`,
                    consequences: [
                      "The hand-off form no longer offers it.",
                      "An agency with hand-offs on record stays: its hand-offs and packs name it.",
                    ],
                    confirmLabel: "Remove agency",
                  }}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
      {actions && (
        <section aria-labelledby="new-agency-heading" className={card} data-testid="form-new-agency">
          <h2 id="new-agency-heading" className="font-semibold">
            Add an agency
          </h2>
          <div className="mt-3">
            <ActionForm action={actions.save} submitLabel="Add agency" hidden={{ agencyId: "" }}>
              <AgencyFields />
            </ActionForm>
          </div>
        </section>
      )}
    </div>
  );
}
