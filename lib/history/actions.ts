import { z } from "zod";
import { actionDefinition } from "@/lib/actions/run-action";
import { recordAudit } from "@/lib/audit/events";
import { type HistoryVerification, verifyHistory } from "./verify-history";

/**
 * "Verify history": recomputes the organization's chain. Admins and viewers
 * (auditors) may run it. The run is itself audited, so the log shows when the
 * history was last checked and what was found.
 */
export const verifyHistoryAction = actionDefinition({
  name: "history.verify",
  roles: ["ADMIN", "VIEWER"],
  schema: z.object({}),
  run: async (ctx) => {
    const result: HistoryVerification = await verifyHistory(ctx.db, { orgId: ctx.orgId });
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
        ? `All ${result.checked} history entries match their hashes.`
        : `The history does not verify: ${mismatch?.table} entry ${mismatch?.id} ${mismatch?.reason}.`,
      data: result,
    };
  },
});
