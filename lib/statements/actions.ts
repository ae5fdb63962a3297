import { z } from "zod";
import { idField, sendKeyField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { clockNow } from "@/lib/time/dates";
import { emailStatement } from "./email-statement";

// Server-action definitions for statements of account; pages bind them by name (lib/server-actions).

/** Emails the customer's statement as of today, through the delivery queue; logged as a contact when sent. */
export const emailStatementAction = actionDefinition({
  name: "statements.email",
  roles: WORKING_ROLES,
  schema: z.object({ customerId: idField("a customer"), idempotencyKey: sendKeyField }),
  run: async (ctx, input) => {
    const sent = await emailStatement(ctx.db, {
      orgId: ctx.orgId,
      customerId: input.customerId,
      idempotencyKey: input.idempotencyKey,
      actor: { userId: ctx.userId, role: ctx.role },
      now: clockNow(),
    });
    return { message: sent.message, data: { customerId: input.customerId, statementId: sent.statementId } };
  },
});
