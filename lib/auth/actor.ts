import { canWork } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting: every changing verb in lib/ checks the role itself too, so no caller can skip it. */
export interface Actor {
  userId: string;
  role: Role;
}

/** Refuses a viewer; `what` names the things the verb changes in the message ("accounts", "customers"). */
export function assertCanWork(actor: Actor, what = "accounts"): void {
  if (!canWork(actor.role))
    throw new AppError("FORBIDDEN", `Your role can view ${what} but not change them. Ask an administrator.`);
}
