import type { ActionResult } from "@/lib/actions/define-action";
import { ActionForm, Field } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

/** Who works the account: the name for everyone, and for working roles a form to change it. */
export function AssignmentBlock({
  customerId,
  assignedTo,
  assignees,
  assign,
}: {
  customerId: string;
  assignedTo: { id: string; name: string; active: boolean } | null;
  assignees: { id: string; name: string; role: string }[];
  assign?: Action;
}) {
  return (
    <div className="flex flex-wrap items-start gap-4 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
      <p data-testid="assigned-to">
        <span className="text-slate-500">Assigned to </span>
        <strong>{assignedTo ? `${assignedTo.name}${assignedTo.active ? "" : " (deactivated)"}` : "nobody"}</strong>
      </p>
      {assign && (
        <details className="min-w-64 flex-1" data-testid="form-assign">
          <summary className="cursor-pointer font-medium text-brand-700">Assign to…</summary>
          <div className="mt-2 max-w-sm">
            <ActionForm
              action={assign}
              submitLabel="Assign"
              hidden={{ customerIds: customerId }}
              resetOnSuccess={false}
            >
              <Field
                name="userId"
                label="Collector"
                as="select"
                defaultValue={assignedTo?.id ?? ""}
                options={[
                  { value: "", label: "Nobody (unassigned)" },
                  ...assignees.map((a) => ({ value: a.id, label: `${a.name} (${a.role.toLowerCase()})` })),
                ]}
              />
            </ActionForm>
          </div>
        </details>
      )}
    </div>
  );
}
