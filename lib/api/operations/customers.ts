import { z } from "zod";
import { defineOperation } from "@/lib/api-runtime/define-operation";
import { CUSTOMER_TYPES, LANGUAGES } from "@/lib/customers/customer-fields";
import { upsertCustomer } from "@/lib/customers/upsert-customer";
import { outcome, reference } from "../fields";
import { customerReadSchema, readCustomer } from "../read-customer";

const text = (max: number, description: string) => z.string().max(max).default("").meta({ description });

export const customerBody = z
  .object({
    name: z.string().min(1).max(200).meta({ description: "The customer's legal name.", example: "Fjord Bygg AS" }),
    countryCode: z.string().meta({ description: "ISO 3166 alpha-2: the law profile follows it.", example: "NO" }),
    type: z.enum(CUSTOMER_TYPES).default("business"),
    language: z.enum(LANGUAGES).default("en").meta({ description: "The letters' language." }),
    currency: z.string().meta({ description: "ISO 4217: the customer's usual currency.", example: "NOK" }),
    email: text(254, "Where letters by email go (needed when preferredChannel is email)."),
    contactPerson: text(200, "Who reads the letters."),
    salutation: text(100, 'How letters greet the contact ("Ms Lowe"); empty: the full name.'),
    phone: text(50, "Phone number."),
    addressLine1: text(200, "Postal address, first line."),
    addressLine2: text(200, "Postal address, second line."),
    postalCode: text(20, "Postal code."),
    city: text(200, "City."),
    region: text(50, 'State or province where the postal format needs it ("TX", "MI").'),
    vatNumber: text(50, "VAT number."),
    registrationNumber: text(50, "Company registration number."),
    preferredChannel: z.enum(["post", "email"]).default("post"),
  })
  .meta({ id: "CustomerInput" });

const upsertAnswer = z
  .object({ reference, id: z.uuid(), outcome, changed: z.array(z.string()) })
  .meta({ id: "CustomerUpsertResult" });

const referenceParams = z.object({ reference });

export const putCustomer = defineOperation({
  operationId: "putCustomer",
  method: "PUT",
  path: "/customers/{reference}",
  tag: "Customers",
  summary: "Create or update a customer by its reference",
  description:
    "The customer as the accounting system states it. The same body twice changes nothing the second time and answers `unchanged`. A paused account stays paused (the pause is set in Dunning Desk).",
  scope: "write",
  params: referenceParams,
  body: customerBody,
  example: {
    params: { reference: "10042" },
    body: {
      name: "Fjord Bygg AS",
      countryCode: "NO",
      type: "business",
      language: "nb",
      currency: "NOK",
      email: "faktura@fjordbygg.example",
      addressLine1: "Kaigata 1",
      postalCode: "5003",
      city: "Bergen",
      vatNumber: "NO987654321MVA",
      registrationNumber: "987654321",
      preferredChannel: "email",
    },
  },
  responses: {
    200: { description: "Updated, or unchanged.", schema: upsertAnswer },
    201: { description: "Created.", schema: upsertAnswer },
  },
  run: async (ctx, { params, body }) => {
    const result = await upsertCustomer(ctx.db, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      ip: ctx.ip,
      stated: { ...body, reference: params.reference },
    });
    return {
      status: result.outcome === "created" ? 201 : 200,
      body: { reference: params.reference, id: result.customerId, outcome: result.outcome, changed: result.changed },
    };
  },
});

export const getCustomer = defineOperation({
  operationId: "getCustomer",
  method: "GET",
  path: "/customers/{reference}",
  tag: "Customers",
  summary: "A customer with its open invoices, balance and credit per currency",
  description: "Open amounts are as of today in the organization's time zone.",
  scope: "read",
  params: referenceParams,
  example: { params: { reference: "10042" } },
  responses: { 200: { description: "The customer.", schema: customerReadSchema } },
  run: async (ctx, { params }) => ({
    body: await readCustomer(ctx.db, { orgId: ctx.orgId, reference: params.reference, now: ctx.now }),
  }),
});
