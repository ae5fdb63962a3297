import { canWork } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

/** Who is changing a customer: the verbs check the role themselves too, so no caller can skip it. */
export interface CustomerActor {
  userId: string;
  role: Role;
}

export function assertMayEditCustomers(actor: CustomerActor): void {
  if (!canWork(actor.role))
    throw new AppError("FORBIDDEN", "Your role can view customers but not change them. Ask an administrator.");
}
