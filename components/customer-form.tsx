"use client";

import type { ActionResult } from "@/lib/actions/run-action";
import { CUSTOMER_TYPE_LABEL, type CustomerFormValues, LANGUAGE_LABEL } from "@/lib/customers/customer-fields";
import { ActionForm, Field } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
type Option = { value: string; label: string };

function Group({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

export function CustomerForm({
  action,
  values,
  customerId,
  countries,
  currencies,
}: {
  action: Action;
  values?: CustomerFormValues;
  customerId?: string;
  countries: Option[];
  currencies: Option[];
}) {
  const v: Partial<CustomerFormValues> = values ?? {};
  const entries = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => ({ value, label }));
  return (
    <ActionForm
      action={action}
      submitLabel={customerId ? "Save changes" : "Create customer"}
      hidden={customerId ? { customerId } : {}}
      testId="customer-form"
      resetOnSuccess={!customerId}
    >
      <Group legend="Customer">
        <Field
          name="reference"
          label="Reference"
          hint="The customer number in your accounting system"
          defaultValue={v.reference}
        />
        <Field name="name" label="Name" defaultValue={v.name} />
        <Field
          as="select"
          name="type"
          label="Type"
          hint="Decides the legal profile of the letters"
          options={entries(CUSTOMER_TYPE_LABEL)}
          defaultValue={v.type ?? "business"}
        />
        <Field
          as="select"
          name="countryCode"
          label="Country"
          options={[{ value: "", label: "Choose a country" }, ...countries]}
          defaultValue={v.countryCode ?? ""}
        />
        <Field
          name="registrationNumber"
          label="Registration number"
          hint="Org.nr., Partita IVA, company number"
          defaultValue={v.registrationNumber}
        />
        <Field name="vatNumber" label="VAT number" defaultValue={v.vatNumber} />
        <Field
          as="select"
          name="language"
          label="Language of letters"
          options={entries(LANGUAGE_LABEL)}
          defaultValue={v.language ?? "en"}
        />
        <Field as="select" name="currency" label="Currency" options={currencies} defaultValue={v.currency} />
      </Group>
      <Group legend="Contact">
        <Field name="contactPerson" label="Contact person" defaultValue={v.contactPerson} />
        <Field
          name="salutation"
          label="Salutation"
          hint="Title and surname as letters greet them: Ms Lowe, Sig.ra Rossi. Empty: the full name"
          defaultValue={v.salutation}
        />
        <Field name="email" label="Email" type="email" defaultValue={v.email} />
        <Field name="phone" label="Phone" type="tel" defaultValue={v.phone} />
        <Field
          as="select"
          name="preferredChannel"
          label="Letters by"
          options={[
            { value: "post", label: "Post" },
            { value: "email", label: "Email" },
          ]}
          defaultValue={v.preferredChannel ?? "post"}
        />
        <Field name="addressLine1" label="Address line 1" defaultValue={v.addressLine1} />
        <Field name="addressLine2" label="Address line 2" defaultValue={v.addressLine2} />
        <Field name="postalCode" label="Postal code" defaultValue={v.postalCode} />
        <Field name="city" label="City" defaultValue={v.city} />
        <Field
          name="region"
          label="State or province"
          hint="Where the address needs it: US state (TX), Italian province (MI)"
          defaultValue={v.region}
        />
      </Group>
      <Group legend="Dunning">
        <Field
          as="select"
          name="dunning"
          label="Dunning"
          hint="While paused, the worklist and bulk sends skip this customer and say why"
          options={[
            { value: "active", label: "Active" },
            { value: "paused", label: "Paused" },
          ]}
          defaultValue={v.dunning ?? "active"}
        />
        <Field
          name="pauseUntil"
          label="Paused until (optional)"
          type="date"
          hint="Last day of the pause"
          defaultValue={v.pauseUntil}
        />
        <div className="sm:col-span-2">
          <Field as="textarea" name="pauseReason" label="Reason for the pause" defaultValue={v.pauseReason} />
        </div>
      </Group>
    </ActionForm>
  );
}
