import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { type Db, db } from "@/lib/db/client";
import { transientDbError } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertSameOrigin } from "@/lib/http/same-origin";

/** Methods that must not change anything, so a link from another site may use them. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What a route's `run` gets, like an action's context: the signed-in user and the database. */
export type RouteContext = SessionUser & { db: Db };

/**
 * Route handlers' counterpart of performAction: a request that may change
 * something (POST, PUT, PATCH, DELETE) comes from our own pages, the user is
 * signed in and the role allowed before `run`; an AppError becomes a JSON error
 * with its status. Route handlers are public endpoints like server actions, and
 * Next.js's own Origin check covers only server actions.
 */
export function defineRoute<P = unknown>(opts: {
  roles: Role[];
  run: (ctx: RouteContext, request: Request, params: P) => Promise<Response>;
}) {
  return async function handler(request: Request, context: { params: Promise<P> }): Promise<Response> {
    try {
      if (!SAFE_METHODS.has(request.method.toUpperCase())) assertSameOrigin(request.headers);
      if (/%00/.test(request.url)) throw new AppError("INVALID_INPUT", "The address contains a NUL character.");
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      if (!opts.roles.includes(user.role))
        throw new AppError("FORBIDDEN", "Your role does not allow this. Ask an administrator.");
      // The client is looked up when the route first reads, not before the checks above.
      const ctx: RouteContext = {
        ...user,
        get db() {
          return db();
        },
      };
      return await opts.run(ctx, request, await context.params);
    } catch (caught) {
      const error = transientDbError(caught) ?? caught;
      if (error instanceof AppError) {
        return Response.json(
          { code: error.code, message: error.message, fieldErrors: error.fieldErrors },
          { status: error.status },
        );
      }
      console.error("Route failed", error);
      return Response.json(
        { code: "INTERNAL", message: "Something went wrong on our side; nothing was changed. Try again." },
        { status: 500 },
      );
    }
  };
}
