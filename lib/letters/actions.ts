import { z } from "zod";
import { currencyField, dateOnlyField, idField, textField, wholeNumberField } from "@/lib/actions/fields";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { getPaymentsKnownUpTo } from "@/lib/collections/payments-known-up-to";
import { recordTrackingNumber } from "@/lib/collections/record-tracking-number";
import { assignAccounts } from "@/lib/customers/assign-accounts";
import { pauseDunning } from "@/lib/customers/pause-dunning";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Stage } from "@/lib/stages/stage";
import { clockNow } from "@/lib/time/dates";
import { confirmBulkSend } from "./bulk-send";
import { planHref, resolveSelection, selectionField } from "./selection";
import { sendNextLetter } from "./send-next-letter";

// Server-action definitions for letters: sending one, sending all due, recording a
// tracking number. The one server entry runs each by name (lib/server-actions).

const actor = (ctx: ActionContext): Actor => ({ userId: ctx.userId, role: ctx.role });
const account = { customerId: idField("a customer"), currency: currencyField };
const stageField = wholeNumberField("the letter's stage", 1, 4);

export const recordTrackingAction = actionDefinition({
  name: "letters.record_tracking",
  roles: WORKING_ROLES,
  schema: z.object({ letterId: idField("a letter"), trackingNumber: textField(100) }),
  run: async (ctx, input) => {
    const { letterId } = await recordTrackingNumber(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      ...input,
      now: clockNow(),
    });
    return { message: "Tracking number recorded.", data: { letterId } };
  },
});

/**
 * Sending on a stale record of payments (older than the organization's limit) asks for an
 * explicit confirmation naming the day: a customer may have paid since (issue 23 §3).
 */
async function assertFreshOrConfirmed(db: DbOrTx, orgId: string, confirmed: string | undefined) {
  const known = await getPaymentsKnownUpTo(db, { orgId });
  if (!known.stale || confirmed === known.knownUpTo) return;
  const day = known.knownUpTo ?? "never";
  throw new AppError(
    "CONFLICT",
    `Payments are known only up to ${day}, ${known.bankDaysOld} bank days ago. Import a newer bank statement, or confirm you send on payments known up to ${day}.`,
    {
      confirmPaymentsKnownUpTo: [
        `Payments are known only up to ${day}, ${known.bankDaysOld} bank days ago: tick to confirm this letter goes anyway.`,
      ],
    },
  );
}

export const sendLetterAction = actionDefinition({
  name: "letters.send",
  roles: WORKING_ROLES,
  // overrideReason is only on the form when an admin sends early; delivery is
  // "post" unless the collector chooses email (the letter is still stored first).
  schema: z.object({
    ...account,
    stage: stageField,
    overrideReason: textField(2000).optional(),
    delivery: z.enum(["post", "email"], "Choose post or email.").default("post"),
    // When payments are known only up to a stale day, the sender confirms that day (the form's checkbox carries it).
    confirmPaymentsKnownUpTo: z.union([dateOnlyField, z.literal("")]).optional(),
  }),
  run: async (ctx, input) => {
    await assertFreshOrConfirmed(ctx.db, ctx.orgId, input.confirmPaymentsKnownUpTo);
    const sent = await sendNextLetter(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      customerId: input.customerId,
      currency: input.currency,
      stage: input.stage as Stage,
      overrideReason: input.overrideReason || null,
      byEmail: input.delivery === "email",
      now: clockNow(),
    });
    return {
      message: `Letter ${sent.stage} sent.`,
      data: { letterId: sent.letterId, customerId: input.customerId },
      redirectTo: `/letters/${sent.letterId}?sent=1`,
    };
  },
});

// "Send all due letters" is planned first (the plan page, lib/letters/bulk-plan.ts);
// confirming the plan starts a run on the job queue (lib/letters/bulk-send.ts) and
// the page then polls GET /api/bulk-sends/latest for its progress.
export const confirmBulkSendAction = actionDefinition({
  name: "letters.confirm_bulk_send",
  roles: WORKING_ROLES,
  listFields: ["accounts"],
  schema: z.object({
    fingerprint: z.string({ message: "Plan the letters first." }).regex(/^[0-9a-f]{64}$/, "Plan the letters first."),
    // Absent: every due letter of the organization; else the selection the plan was narrowed to.
    accounts: selectionField.optional(),
    // Payments known only up to a stale day: only an admin may confirm, with the reason (audited).
    staleOverrideReason: textField(500).optional(),
  }),
  run: async (ctx, input): Promise<{ message: string; data: { bulkSendId: string | null; total: number } }> => {
    const known = await getPaymentsKnownUpTo(ctx.db, { orgId: ctx.orgId });
    if (known.stale) {
      const reason = input.staleOverrideReason?.trim() ?? "";
      if (ctx.role !== "ADMIN" || !reason)
        throw new AppError(
          "CONFLICT",
          `Payments are known only up to ${known.knownUpTo}, ${known.bankDaysOld} bank days ago: import a newer bank statement first${ctx.role === "ADMIN" ? ", or give the reason to send anyway" : ", or ask an administrator"}.`,
          { staleOverrideReason: ["Import a newer statement, or write why the letters go anyway."] },
        );
      await recordAudit(
        ctx.db,
        { orgId: ctx.orgId, userId: ctx.userId },
        { kind: "payments.stale_override", payload: { knownUpTo: known.knownUpTo, reason, context: "bulk_send" } },
      );
    }
    const started = await confirmBulkSend(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      now: clockNow(),
      fingerprint: input.fingerprint,
      selection: input.accounts ?? null,
    });
    if (!started) return { message: "No letters are due.", data: { bulkSendId: null, total: 0 } };
    const n = started.total;
    return { message: `Sending ${n} letter${n === 1 ? "" : "s"}…`, data: started };
  },
});

const selected = { accounts: selectionField };

/**
 * The worklist's (and the report's) selection toolbar: one form, its buttons
 * named "intent". "plan" narrows the bulk-send plan to the selected accounts
 * (a redirect to the plan page; nothing changes); "pause" pauses dunning on the
 * selected customers; "assign" gives their customers to a collector (or an
 * admin) through assignAccounts, which refuses a viewer or a deactivated user.
 */
export const selectionAction = actionDefinition({
  name: "letters.act_on_selection",
  roles: WORKING_ROLES,
  listFields: ["accounts"],
  schema: z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("plan"), ...selected }),
      z.object({
        intent: z.literal("pause"),
        ...selected,
        pauseReason: textField(500, { required: "Say why dunning is paused." }),
        pauseUntil: z.union([z.literal(""), dateOnlyField], {
          message: "Enter a real date as YYYY-MM-DD, or leave it empty.",
        }),
      }),
      z.object({
        intent: z.literal("assign"),
        ...selected,
        assignTo: idField("a collector"),
      }),
    ],
    { message: "Choose what to do with the ticked accounts." },
  ),
  run: async (ctx, input): Promise<{ message: string; data: { href: string | null }; redirectTo?: string }> => {
    if (input.intent === "plan") {
      await resolveSelection(ctx.db, { orgId: ctx.orgId, selection: input.accounts });
      const href = planHref(input.accounts);
      return { message: "Planning the letters of the ticked accounts…", data: { href }, redirectTo: href };
    }
    if (input.intent === "assign") return assignSelection(ctx, input.accounts, input.assignTo);
    const { paused } = await pauseDunning(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      ip: ctx.ip,
      customerIds: input.accounts.map((a) => a.customerId),
      reason: input.pauseReason,
      until: input.pauseUntil || null,
      now: clockNow(),
    });
    return {
      message: paused
        ? `Dunning paused for ${paused} customer${paused === 1 ? "" : "s"}.`
        : "Dunning was already paused with that reason for the ticked customers; nothing changed.",
      data: { href: null },
    };
  },
});

/** "Assign to…" on ticked rows: one customer may show in several currencies, assigned once. */
async function assignSelection(ctx: ActionContext, accounts: { customerId: string }[], userId: string) {
  const customerIds = [...new Set(accounts.map((a) => a.customerId))];
  const { changed, name } = await assignAccounts(ctx.db, {
    orgId: ctx.orgId,
    actor: actor(ctx),
    ip: ctx.ip,
    customerIds,
    userId,
  });
  const n = customerIds.length;
  const customers = `${n} customer${n === 1 ? "" : "s"}`;
  return {
    message: changed
      ? `${changed === n ? customers : `${changed} of ${customers}`} assigned to ${name}.`
      : `The ticked customers were already assigned to ${name}; nothing changed.`,
    data: { href: null },
  };
}
