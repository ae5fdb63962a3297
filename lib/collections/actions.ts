import { z } from "zod";
import { currencyField, dateOnlyField, idField, textField, typedAmountField } from "@/lib/actions/fields";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { ADMIN_ONLY, WORKING_ROLES } from "@/lib/auth/roles";
import { clockNow } from "@/lib/time/dates";
import { agencyFieldsSchema, removeAgency, saveAgency } from "./agencies";
import { CONTACT_TYPES } from "./contact-types";
import { openDispute, resolveDispute } from "./disputes";
import { logContactAndFollowUp } from "./follow-ups";
import { settlePaidClaim } from "./paid-claims";
import { policySettingsSchema } from "./policy-settings";
import { recordHandoff } from "./record-handoff";
import { parseInstalmentLines, recordPlan } from "./record-plan";
import { recordPromise } from "./record-promise";
import { updatePolicy } from "./update-policy";

// Server-action definitions for the collections workflow. The one server entry runs
// each by name (lib/server-actions); tests run them with runAction. Each returns the
// customer it touched so the route can refresh that customer's page.

const actor = (ctx: ActionContext): Actor => ({ userId: ctx.userId, role: ctx.role });
const account = { customerId: idField("a customer"), currency: currencyField };
const note = textField(2000);

export const logContactAction = actionDefinition({
  name: "collections.log_contact",
  roles: WORKING_ROLES,
  schema: z.object({
    customerId: idField("a customer"),
    type: z.enum(Object.keys(CONTACT_TYPES) as [string, ...string[]], "Choose what happened."),
    occurredOn: dateOnlyField,
    time: z.string({ message: "Enter a time." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as HH:MM."),
    note,
    // Optional: plan the next call-back in the same step ("" or absent: none).
    followUpOn: z.union([dateOnlyField, z.literal("")]).optional(),
    followUpNote: textField(2000).optional(),
    // Optional: the customer says they paid on this day ("" or absent: they did not say).
    saysPaidOn: z.union([dateOnlyField, z.literal("")]).optional(),
  }),
  run: async (ctx, input) => {
    const { label: _label, ...type } = CONTACT_TYPES[input.type];
    const { followUpId } = await logContactAndFollowUp(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      customerId: input.customerId,
      ...type,
      occurredOn: input.occurredOn,
      time: input.time,
      note: input.note,
      saysPaidOn: input.saysPaidOn || null,
      now: clockNow(),
      followUp: input.followUpOn ? { dueOn: input.followUpOn, note: input.followUpNote ?? "" } : null,
    });
    return {
      message: followUpId ? `Contact logged; call-back planned for ${input.followUpOn}.` : "Contact logged.",
      data: { customerId: input.customerId },
    };
  },
});

export const recordPromiseAction = actionDefinition({
  name: "collections.record_promise",
  roles: WORKING_ROLES,
  schema: z.object({ ...account, amount: typedAmountField, promisedFor: dateOnlyField, note }),
  run: async (ctx, input) => {
    await recordPromise(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), ...input, now: clockNow() });
    return { message: "Promise recorded; escalation pauses until its date.", data: { customerId: input.customerId } };
  },
});

export const recordPlanAction = actionDefinition({
  name: "collections.record_plan",
  roles: WORKING_ROLES,
  schema: z.object({ ...account, instalments: textField(3000), note }),
  run: async (ctx, input) => {
    const instalments = parseInstalmentLines(input.instalments);
    await recordPlan(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      customerId: input.customerId,
      currency: input.currency,
      instalments,
      note: input.note,
      now: clockNow(),
    });
    const n = instalments.length;
    return {
      message: `Payment plan with ${n} instalment${n === 1 ? "" : "s"} recorded.`,
      data: { customerId: input.customerId },
    };
  },
});

// The dispute verbs find the customer through the invoice or dispute: a customerId
// posted beside it would be one more thing to check, not information.
export const openDisputeAction = actionDefinition({
  name: "collections.open_dispute",
  roles: WORKING_ROLES,
  schema: z.object({ invoiceId: idField("an invoice"), note }),
  run: async (ctx, input) => {
    const { customerId } = await openDispute(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      invoiceId: input.invoiceId,
      note: input.note,
      now: clockNow(),
    });
    return { message: "Dispute recorded; the invoice is out of letters until it is resolved.", data: { customerId } };
  },
});

export const resolveDisputeAction = actionDefinition({
  name: "collections.resolve_dispute",
  roles: WORKING_ROLES,
  schema: z.object({ disputeId: idField("a dispute"), note }),
  run: async (ctx, input) => {
    const { customerId } = await resolveDispute(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      disputeId: input.disputeId,
      note: input.note,
      now: clockNow(),
    });
    return { message: "Dispute resolved.", data: { customerId } };
  },
});

export const recordHandoffAction = actionDefinition({
  name: "collections.record_handoff",
  roles: WORKING_ROLES,
  schema: z.object({
    ...account,
    // A saved agency (Settings → Agencies), or "" and its name typed in `agency`.
    agencyId: z.union([idField("an agency"), z.literal("")]).optional(),
    agency: textField(200),
    reference: textField(200),
    // Printed on letter 4 so the customer can reach and pay the agency.
    agencyContact: textField(500).optional(),
    agencyPaymentDetails: textField(500).optional(),
    handedOverOn: dateOnlyField,
    // Empty: the whole of letter 3's claim with what was included (the form always posts the field).
    amount: z.union([typedAmountField, z.literal("")], {
      message: "Enter an amount, or leave it empty for the claim.",
    }),
    // Lines letter 3 never claimed, ticked on the form ("invoice:<uuid>", "charge:<uuid>"), and why.
    include: z
      .array(z.string().regex(/^(invoice|charge):[0-9a-f-]{36}$/, "Choose from the list."))
      .max(500)
      .optional(),
    includeReason: textField(1000).optional(),
  }),
  listFields: ["include"],
  run: async (ctx, input) => {
    await recordHandoff(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      ...input,
      agencyId: input.agencyId || null,
      now: clockNow(),
    });
    return { message: "Hand-off recorded; letter 4 goes by registered mail.", data: { customerId: input.customerId } };
  },
});

export const updatePolicyAction = actionDefinition({
  name: "collections.update_policy",
  roles: ADMIN_ONLY,
  schema: policySettingsSchema,
  run: async (ctx, settings) => {
    await updatePolicy(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), settings });
    return { message: "Policy saved; the worklist follows it from now on." };
  },
});

export const saveAgencyAction = actionDefinition({
  name: "collections.save_agency",
  roles: ADMIN_ONLY,
  // agencyId "": a new agency (the form always posts it).
  schema: agencyFieldsSchema.extend({ agencyId: z.union([idField("an agency"), z.literal("")]) }),
  run: async (ctx, { agencyId, ...fields }) => {
    await saveAgency(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), agencyId: agencyId || null, fields });
    return { message: `${fields.name} saved; the hand-off form offers it.` };
  },
});

export const removeAgencyAction = actionDefinition({
  name: "collections.remove_agency",
  roles: ADMIN_ONLY,
  schema: z.object({ agencyId: idField("an agency") }),
  run: async (ctx, input) => {
    await removeAgency(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), agencyId: input.agencyId });
    return { message: "Agency removed." };
  },
});

export const releasePaidClaimAction = actionDefinition({
  name: "collections.release_paid_claim",
  // The customer's word holds the letters until the money is matched; only an administrator overrides it.
  roles: ADMIN_ONLY,
  schema: z.object({
    claimId: idField("a paid claim"),
    reason: textField(500, { required: "Write why the letters may go again." }),
  }),
  run: async (ctx, input) => {
    const { customerId } = await ctx.db.$transaction((tx) =>
      settlePaidClaim(tx, { orgId: ctx.orgId, userId: ctx.userId, ...input, now: clockNow() }),
    );
    return { message: "Released: the claim no longer holds the letters back.", data: { customerId } };
  },
});
