import { AppError } from "@/lib/errors/app-error";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Route handlers' counterpart of defineAction: the user is signed in and the
 * role allowed before `run`; an AppError becomes a JSON error with its status.
 */
export function defineRoute<P = unknown>(opts: {
  roles: Role[];
  run: (user: SessionUser, request: Request, params: P) => Promise<Response>;
}) {
  return async function handler(request: Request, context: { params: Promise<P> }): Promise<Response> {
    try {
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      if (!opts.roles.includes(user.role)) throw new AppError("FORBIDDEN", "Your role does not allow this. Ask an administrator.");
      return await opts.run(user, request, await context.params);
    } catch (error) {
      if (error instanceof AppError) {
        return Response.json({ code: error.code, message: error.message, fieldErrors: error.fieldErrors }, { status: error.status });
      }
      console.error("Route failed", error);
      return Response.json({ code: "INTERNAL", message: "Something went wrong on our side; nothing was changed. Try again." }, { status: 500 });
    }
  };
}
