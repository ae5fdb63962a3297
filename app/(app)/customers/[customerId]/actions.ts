"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { openDispute, resolveDispute } from "@/lib/collections/disputes";
import { logContact } from "@/lib/collections/log-contact";
import { CONTACT_TYPES } from "@/lib/collections/contact-types";
import { recordHandoff } from "@/lib/collections/record-handoff";
import { recordPayment } from "@/lib/collections/record-payment";
import { recordPlan } from "@/lib/collections/record-plan";
import { recordPromise } from "@/lib/collections/record-promise";
import { invalid } from "@/lib/collections/input";
import { db } from "@/lib/db/client";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { clockNow } from "@/lib/time/dates";

// Thin: parse, authorize (defineAction), call lib/, revalidate.
const id = z.uuid("That record does not exist.");
const account = { customerId: id, currency: z.string().regex(/^[A-Z]{3}$/, "Choose a currency.") };
const text = (max = 2000) => z.string().max(max, `Keep it under ${max} characters.`).default("");
const actorOf = (ctx: { userId: string; role: "ADMIN" | "COLLECTOR" | "VIEWER" }) => ({ userId: ctx.userId, role: ctx.role });
const refresh = (customerId: string) => {
  revalidatePath(`/customers/${customerId}`);
  revalidatePath("/worklist");
  revalidatePath("/");
};

export const sendLetterAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ ...account, stage: z.coerce.number().int().min(1).max(4), overrideReason: text() }),
  run: async (ctx, input) => {
    const sent = await sendNextLetter(db(), {
      orgId: ctx.orgId, actor: actorOf(ctx), customerId: input.customerId, currency: input.currency,
      stage: input.stage as 1 | 2 | 3 | 4, overrideReason: input.overrideReason || null, now: clockNow(),
    });
    refresh(input.customerId);
    redirect(`/letters/${sent.letterId}?sent=1`);
  },
});

export const logContactAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ customerId: id, type: z.enum(Object.keys(CONTACT_TYPES) as [string, ...string[]], "Choose what happened."), occurredOn: z.string(), time: z.string(), note: text() }),
  run: async (ctx, input) => {
    const type = CONTACT_TYPES[input.type];
    await logContact(db(), { orgId: ctx.orgId, actor: actorOf(ctx), customerId: input.customerId, ...type, occurredOn: input.occurredOn, time: input.time, note: input.note, now: clockNow() });
    refresh(input.customerId);
    return { message: "Contact logged." };
  },
});

export const recordPaymentAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ ...account, amount: z.string(), receivedOn: z.string(), invoiceId: z.union([id, z.literal("")]).default(""), method: text(100), reference: text(200) }),
  run: async (ctx, input) => {
    const result = await recordPayment(db(), { orgId: ctx.orgId, actor: actorOf(ctx), ...input, invoiceId: input.invoiceId || null, now: clockNow() });
    refresh(input.customerId);
    return { message: `Payment recorded on ${result.allocations.length} invoice${result.allocations.length === 1 ? "" : "s"}${result.caseClosed ? "; the case is closed" : ""}.` };
  },
});

export const recordPromiseAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ ...account, amount: z.string(), promisedFor: z.string(), note: text() }),
  run: async (ctx, input) => {
    await recordPromise(db(), { orgId: ctx.orgId, actor: actorOf(ctx), ...input, now: clockNow() });
    refresh(input.customerId);
    return { message: "Promise recorded; escalation pauses until its date." };
  },
});

export const recordPlanAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ ...account, instalments: z.string().max(3000), note: text() }),
  run: async (ctx, input) => {
    // One instalment per line: "2026-12-15 250.00".
    const lines = input.instalments.split("\n").map((l) => l.trim()).filter(Boolean);
    const instalments = lines.map((line, n) => {
      const m = /^(\S+)\s+(.+)$/.exec(line);
      if (!m) throw invalid("instalments", `Line ${n + 1}: write a date and an amount, like "2026-12-15 250.00".`);
      return { dueOn: m[1], amount: m[2] };
    });
    await recordPlan(db(), { orgId: ctx.orgId, actor: actorOf(ctx), customerId: input.customerId, currency: input.currency, instalments, note: input.note, now: clockNow() });
    refresh(input.customerId);
    return { message: `Payment plan with ${instalments.length} instalment${instalments.length === 1 ? "" : "s"} recorded.` };
  },
});

export const openDisputeAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ customerId: id, invoiceId: id, note: text() }),
  run: async (ctx, input) => {
    await openDispute(db(), { orgId: ctx.orgId, actor: actorOf(ctx), invoiceId: input.invoiceId, note: input.note, now: clockNow() });
    refresh(input.customerId);
    return { message: "Dispute recorded; the invoice is out of letters until it is resolved." };
  },
});

export const resolveDisputeAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ customerId: id, disputeId: id, note: text() }),
  run: async (ctx, input) => {
    await resolveDispute(db(), { orgId: ctx.orgId, actor: actorOf(ctx), disputeId: input.disputeId, note: input.note, now: clockNow() });
    refresh(input.customerId);
    return { message: "Dispute resolved." };
  },
});

export const recordHandoffAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ ...account, agency: text(200), reference: text(200), handedOverOn: z.string(), amount: z.string() }),
  run: async (ctx, input) => {
    await recordHandoff(db(), { orgId: ctx.orgId, actor: actorOf(ctx), ...input, now: clockNow() });
    refresh(input.customerId);
    return { message: "Hand-off recorded; letter 4 goes by registered mail." };
  },
});
