import { canWork } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting: every changing verb in lib/ checks the role itself too, so no caller can skip it. */
export interface Actor {
  userId: string;
  role: Role;
}

export function assertCanWork(actor: Actor): void {
  if (!canWork(actor.role))
    throw new AppError("FORBIDDEN", "Your role can view accounts but not change them. Ask an administrator.");
}
