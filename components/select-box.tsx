import { selectionValue } from "@/lib/letters/selection";

/** A table row's checkbox for the selection toolbar: a plain input joined to the toolbar's form by id. */
export function SelectBox({
  form,
  account,
  label,
  bare = false,
}: {
  form: string;
  account: { customerId: string; currency: string };
  label: string;
  /** The table styles its checkboxes itself (accounts-table.tsx): no class string per row. */
  bare?: boolean;
}) {
  return (
    <input
      type="checkbox"
      name="accounts"
      value={selectionValue(account)}
      form={form}
      aria-label={`Tick ${label}`}
      className={bare ? undefined : "size-4 rounded border-slate-300 accent-brand-600"}
    />
  );
}
