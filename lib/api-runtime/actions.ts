import { z } from "zod";
import { dateOnlyField, idField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { clockNow } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { apiScopesField, apiTokenNameField, createApiToken } from "./create-api-token";
import { revokeApiToken } from "./revoke-api-token";

// Settings → API tokens (admins only). The secret is in the create result's
// data, which the form shows once; it is never stored or shown again.

export const createApiTokenAction = actionDefinition({
  name: "api-runtime.create_token",
  roles: ADMIN_ONLY,
  listFields: ["scopes"],
  schema: z.object({
    name: apiTokenNameField,
    scopes: apiScopesField,
    // The form always posts it, empty for "never".
    expiresOn: z.union([z.literal(""), dateOnlyField], {
      message: "Enter a real date as YYYY-MM-DD, or leave it empty.",
    }),
  }),
  run: async (ctx, input) => {
    // The token works through the end of its last day in the organization's time zone.
    const expiresAt = input.expiresOn ? instantAt(input.expiresOn, "23:59", ctx.timeZone) : null;
    const token = await createApiToken(ctx.db, {
      orgId: ctx.orgId,
      name: input.name,
      scopes: input.scopes,
      expiresAt,
      createdById: ctx.userId,
      via: "settings",
      ip: ctx.ip,
      now: clockNow(),
    });
    return {
      message: `Token "${token.name}" created. Copy it now: it is shown this once.`,
      data: { tokenId: token.id, secret: token.secret },
    };
  },
});

export const revokeApiTokenAction = actionDefinition({
  name: "api-runtime.revoke_token",
  roles: ADMIN_ONLY,
  schema: z.object({ tokenId: idField("a token") }),
  run: async (ctx, input) => {
    const result = await revokeApiToken(ctx.db, {
      orgId: ctx.orgId,
      tokenId: input.tokenId,
      revokedById: ctx.userId,
      via: "settings",
      ip: ctx.ip,
      now: clockNow(),
    });
    return {
      message: result.alreadyRevoked
        ? `Token "${result.name}" was already revoked.`
        : `Token "${result.name}" is revoked; requests with it are refused from now on.`,
    };
  },
});
