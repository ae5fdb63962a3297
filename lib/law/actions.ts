import { z } from "zod";
import { dateOnlyField, idField, typedAmountField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY, WORKING_ROLES } from "@/lib/auth/roles";
import { todayIn } from "@/lib/time/dates";
import { addFeeAmount, addFeeAmountSchema } from "./add-fee-amount";
import { addReferenceRate, addReferenceRateSchema } from "./add-reference-rate";
import { importRateFile, importRateFileSchema } from "./import-rate-file";
import { recordChargePayment } from "./record-charge-payment";
import { lawSettingsSchema, updateLawSettings } from "./update-law-settings";

// Server-action definitions for lib/law; the settings and customer pages bind them by name (lib/server-actions).

const actor = (ctx: { userId: string; role: "ADMIN" | "COLLECTOR" | "VIEWER" }) => ({
  userId: ctx.userId,
  role: ctx.role,
});

export const addReferenceRateAction = actionDefinition({
  name: "law.add_reference_rate",
  roles: ADMIN_ONLY,
  schema: addReferenceRateSchema,
  run: async (ctx, input) => {
    const result = await addReferenceRate(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), input });
    return { message: result.message };
  },
});

export const addFeeAmountAction = actionDefinition({
  name: "law.add_fee_amount",
  roles: ADMIN_ONLY,
  schema: addFeeAmountSchema,
  run: async (ctx, input) => {
    const result = await addFeeAmount(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), input });
    return { message: result.message };
  },
});

export const importRateFileAction = actionDefinition({
  name: "law.import_rate_file",
  roles: ADMIN_ONLY,
  schema: importRateFileSchema,
  run: async (ctx, input) => {
    const result = await importRateFile(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      input,
      today: todayIn(ctx.timeZone),
    });
    return { message: result.message };
  },
});

export const updateLawSettingsAction = actionDefinition({
  name: "law.update_settings",
  roles: ADMIN_ONLY,
  schema: lawSettingsSchema,
  run: async (ctx, input) => updateLawSettings(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), input }),
});

export const recordChargePaymentAction = actionDefinition({
  name: "law.record_charge_payment",
  roles: WORKING_ROLES,
  schema: z.object({ chargeId: idField("a charge"), amount: typedAmountField, receivedOn: dateOnlyField }),
  run: async (ctx, input) => {
    const result = await recordChargePayment(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), ...input });
    return { message: "Payment recorded against the charge.", data: { customerId: result.customerId } };
  },
});
