import { z } from "zod";
import { actionDefinition } from "@/lib/actions/run-action";
import { recordAudit } from "@/lib/audit/events";
import { type AnchoredVerification, verifyAnchoredHistory } from "./verify-anchored";

/**
 * "Verify history": recomputes the organization's chain. Admins and viewers
 * (auditors) may run it. The run is itself audited, so the log shows when the
 * history was last checked and what was found.
 */
export const verifyHistoryAction = actionDefinition({
  name: "history.verify",
  roles: ["ADMIN", "VIEWER"],
  schema: z.object({
    head: z
      .string()
      .trim()
      .regex(/^([0-9a-fA-F]{64})?$/, "Paste the 64-character head hash from a letter's footer or a pack's manifest.")
      .optional(),
  }),
  run: async (ctx, input) => {
    const result: AnchoredVerification = await verifyAnchoredHistory(ctx.db, {
      orgId: ctx.orgId,
      head: input.head || undefined,
    });
    const mismatch = result.firstMismatch;
    await recordAudit(
      ctx.db,
      { orgId: ctx.orgId, userId: ctx.userId, ip: ctx.ip },
      {
        kind: "history.verified",
        payload: {
          ok: result.ok,
          checked: result.checked,
          ...(mismatch && { firstMismatch: { table: mismatch.table, id: mismatch.id, seq: mismatch.seq } }),
        },
      },
    );
    return {
      message: result.ok
        ? `All ${result.checked} history entries match their hashes and the ${result.checkpoints} signed checkpoints, and each of the ${result.letters} letters and ${result.packs} hand-off packs has its checkpoint${result.pastedHead?.seq ? `; the head you pasted is entry #${result.pastedHead.seq}` : ""}.`
        : `The history does not verify: ${mismatch?.table} entry ${mismatch?.id} ${mismatch?.reason}.`,
      data: result,
    };
  },
});
