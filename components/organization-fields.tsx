import { Field } from "./action-form";

type Option = { value: string; label: string };
export interface OrganizationFormValues {
  name: string;
  registrationNumber: string;
  vatNumber: string;
  countryCode: string;
  timeZone: string;
  defaultCurrency: string;
  locale: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  region: string;
  contactPerson: string;
  email: string;
  phone: string;
}
export interface OrganizationFormOptions {
  countries: Option[];
  currencies: Option[];
  timeZones: Option[];
}

function Fieldset({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/** The company's fields, for the setup form and the organization's settings page (same names as the schema). */
export function OrganizationFields({
  values,
  options,
  timeZoneHint,
}: {
  values?: Partial<OrganizationFormValues>;
  options: OrganizationFormOptions;
  timeZoneHint?: string;
}) {
  const v = values ?? {};
  return (
    <>
      <Fieldset legend="Company">
        <Field name="name" label="Legal name" defaultValue={v.name} />
        <Field
          name="registrationNumber"
          label="Registration number"
          hint="Org.nr., Partita IVA / codice fiscale, company number"
          defaultValue={v.registrationNumber}
        />
        <Field name="vatNumber" label="VAT number" defaultValue={v.vatNumber} />
        <Field
          as="select"
          name="countryCode"
          label="Country"
          hint="Decides the legal profile of the letters"
          options={[{ value: "", label: "Choose a country" }, ...options.countries]}
          defaultValue={v.countryCode ?? ""}
        />
        <Field
          as="select"
          name="timeZone"
          label="Time zone"
          hint={timeZoneHint ?? "Decides which day it is for due dates and deadlines"}
          options={options.timeZones}
          defaultValue={v.timeZone ?? "UTC"}
        />
        <Field
          as="select"
          name="defaultCurrency"
          label="Base currency"
          hint="New customers and imported rows without a currency take it; at setup it is also the currency amounts are compared in (later: Settings, Exchange rates)"
          options={options.currencies}
          defaultValue={v.defaultCurrency ?? "EUR"}
        />
        <Field
          name="locale"
          label="Locale"
          hint="How dates and amounts are written, e.g. nb-NO, it-IT, en-GB"
          defaultValue={v.locale ?? "en-GB"}
        />
      </Fieldset>
      <Fieldset legend="Address and contact">
        <Field name="addressLine1" label="Address line 1" defaultValue={v.addressLine1} />
        <Field name="addressLine2" label="Address line 2" defaultValue={v.addressLine2} />
        <Field name="postalCode" label="Postal code" defaultValue={v.postalCode} />
        <Field name="city" label="City" defaultValue={v.city} />
        <Field
          name="region"
          label="State or province"
          hint="Where the postal address needs it: US state (TX), Italian province (MI)"
          defaultValue={v.region}
        />
        <Field name="contactPerson" label="Contact person" defaultValue={v.contactPerson} />
        <Field name="email" label="Email" type="email" defaultValue={v.email} />
        <Field name="phone" label="Phone" type="tel" defaultValue={v.phone} />
      </Fieldset>
    </>
  );
}
