"use client";

import type { ActionResult } from "@/lib/actions/run-action";
import { ActionForm } from "./action-form";
import { OrganizationFields, type OrganizationFormOptions, type OrganizationFormValues } from "./organization-fields";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

export function OrganizationSettingsForm({
  values,
  options,
  action,
}: {
  values: OrganizationFormValues;
  options: OrganizationFormOptions;
  action: Action;
}) {
  return (
    <ActionForm action={action} submitLabel="Save" testId="organization-form" resetOnSuccess={false}>
      <OrganizationFields
        values={values}
        options={options}
        timeZoneHint="Decides which day it is from now on; dates already recorded keep their day."
      />
    </ActionForm>
  );
}
