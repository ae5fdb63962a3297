import { z } from "zod";
import { defineRoute } from "@/lib/actions/define-route";
import { ANY_ROLE } from "@/lib/auth/roles";
import { explainWorklistAccount } from "@/lib/collections/list-worklist";
import { AppError } from "@/lib/errors/app-error";
import { clockNow } from "@/lib/time/dates";

const accountSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[A-Z]{3}$/i, "That is not an account.");

/**
 * GET /api/worklist/why?account=<customer id>:<currency>: why that account is on
 * today's worklist (every reason, worded for today, and its policy), loaded when
 * a worklist row is opened. Anyone who sees the worklist may ask.
 */
export const GET = defineRoute({
  roles: ANY_ROLE,
  run: async (ctx, request) => {
    const parsed = accountSchema.safeParse(new URL(request.url).searchParams.get("account"));
    if (!parsed.success) throw new AppError("INVALID_INPUT", "That is not an account of the worklist.");
    const [customerId, currency] = parsed.data.split(":");
    const why = await explainWorklistAccount(ctx.db, {
      orgId: ctx.orgId,
      now: clockNow(),
      customerId: customerId.toLowerCase(),
      currency: currency.toUpperCase(),
    });
    if (!why) throw new AppError("NOT_FOUND", "This account needs nothing today any more. Reload the worklist.");
    return Response.json(why, { headers: { "cache-control": "no-store" } });
  },
});
