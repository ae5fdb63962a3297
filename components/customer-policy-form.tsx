import type { ActionResult } from "@/lib/actions/define-action";
import { ActionForm, Field } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

/** An administrator chooses the customer's collection policy by hand (or leaves it to the rules) and sets its tags. */
export function CustomerPolicyForm({
  action,
  customerId,
  policies,
  policyId,
  tags,
}: {
  action: Action;
  customerId: string;
  policies: { id: string; name: string }[];
  policyId: string | null;
  tags: string[];
}) {
  return (
    <details
      className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid="customer-policy"
    >
      <summary className="cursor-pointer font-medium">Collection policy and tags</summary>
      <div className="mt-3 max-w-xl">
        <ActionForm action={action} submitLabel="Save" hidden={{ customerId }} resetOnSuccess={false}>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              name="policyId"
              label="Policy"
              as="select"
              defaultValue={policyId ?? ""}
              options={[
                { value: "", label: "By the rules (or the default)" },
                ...policies.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <Field
              name="tags"
              label="Tags (comma separated)"
              defaultValue={tags.join(", ")}
              placeholder="key account"
            />
          </div>
        </ActionForm>
      </div>
    </details>
  );
}
