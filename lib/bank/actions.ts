import { z } from "zod";
import { idField, textField, wholeNumberField } from "@/lib/actions/fields";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { ADMIN_ONLY, WORKING_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { resolveBankLine } from "./resolve-bank-line";
import { updateBankMatching } from "./update-bank-matching";

// Server-action definitions for the bank review queue (/bank/review): admins and collectors.

const actor = (ctx: ActionContext): Actor => ({ userId: ctx.userId, role: ctx.role });

export const resolveBankLineAction = actionDefinition({
  name: "bank.resolve_line",
  roles: WORKING_ROLES,
  schema: z.object({
    lineId: idField("a bank line"),
    decision: z.enum(["invoices", "credit_on_account", "not_customer_payment"], {
      message: "Choose what this payment is.",
    }),
    // A suggestion's customer and invoices, or what the collector typed: the customer's reference and invoice numbers.
    customerId: z.union([idField("a customer"), z.literal("")]),
    customerReference: textField(100),
    invoiceIds: z
      .string({ message: "Choose the invoices from the list." })
      .regex(/^([0-9a-f-]{36}(,[0-9a-f-]{36})*)?$/i, "Choose the invoices from the list."),
    invoiceNumbers: textField(2000),
    reason: textField(500),
  }),
  run: async (ctx, input) => {
    let customerId = input.customerId || null;
    if (!customerId && input.customerReference && input.decision !== "not_customer_payment") {
      const customer = await ctx.db.customer.findFirst({
        where: { orgId: ctx.orgId, reference: input.customerReference },
        select: { id: true },
      });
      if (!customer)
        throw new AppError("INVALID_INPUT", `No customer has the reference "${input.customerReference}".`, {
          customerReference: ["No customer has this reference."],
        });
      customerId = customer.id;
    }
    let invoiceIds = input.invoiceIds
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const numbers = input.invoiceNumbers
      .split(/[,;\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (numbers.length && customerId) {
      const found = await ctx.db.invoice.findMany({
        where: { orgId: ctx.orgId, customerId, number: { in: numbers } },
        select: { id: true, number: true },
      });
      const missing = numbers.filter((n) => !found.some((f) => f.number === n));
      if (missing.length)
        throw new AppError("INVALID_INPUT", `This customer has no invoice ${missing.join(", ")}.`, {
          invoiceNumbers: [`No invoice ${missing.join(", ")} on this account.`],
        });
      invoiceIds = [...invoiceIds, ...found.map((f) => f.id)];
    }
    const result = await resolveBankLine(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      lineId: input.lineId,
      decision: input.decision,
      customerId,
      invoiceIds,
      reason: input.reason,
    });
    const said = {
      invoices: "Payment recorded on the invoices picked.",
      credit_on_account: "Payment kept as credit on the customer's account.",
      not_customer_payment: "Marked as not a customer payment.",
    }[input.decision];
    return { message: said, data: { customerId: result.customerId } };
  },
});

export const updateBankMatchingAction = actionDefinition({
  name: "bank.update_matching",
  roles: ADMIN_ONLY,
  schema: z
    .object({
      kidMode: z.enum(["off", "mod10", "mod11"], { message: "Choose off, MOD10 or MOD11." }),
      // Norwegian KIDs are 2 to 25 digits; 0 leaves the length to the reference and number.
      kidLength: wholeNumberField("the KID length", 0, 25, "digit"),
      // A checkbox: "on" when ticked, absent when not (any other value is refused).
      rfReferences: z
        .literal("on", { message: "Tick the box or leave it empty." })
        .optional()
        .transform((v) => v === "on"),
      paymentsStaleAfterDays: wholeNumberField("the number of bank days", 1, 30, "bank day"),
    })
    .refine((v) => v.kidLength === 0 || v.kidLength >= 2, {
      path: ["kidLength"],
      message: "A KID has 2 to 25 digits (0: as long as the customer reference and invoice number make it).",
    }),
  run: async (ctx, settings) => {
    const { changed } = await updateBankMatching(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      ip: ctx.ip,
      settings,
    });
    return {
      message: changed
        ? `Saved. ${settings.kidMode === "off" ? "New invoices get no KID" : `New invoices without a KID get a ${settings.kidMode.toUpperCase()} KID`}; ${settings.rfReferences ? "new EUR invoices without one get an RF reference" : "new invoices get no RF reference"}; payments are stale after ${settings.paymentsStaleAfterDays} bank day${settings.paymentsStaleAfterDays === 1 ? "" : "s"}.`
        : "Nothing changed.",
    };
  },
});
