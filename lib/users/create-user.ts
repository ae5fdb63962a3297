import { recordAudit } from "@/lib/audit/events";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { type Actor, auditContext, publicUserSelect } from "./user-fields";

export async function createUser(
  database: Db,
  opts: Actor & { email: string; name: string; role: Role; password: string },
) {
  // Hashing is slow by design: do it before the transaction opens.
  const passwordHash = await hashPassword(opts.password);
  const inUse = () =>
    new AppError("CONFLICT", "That email address is already in use.", {
      email: ["That email address is already in use."],
    });
  const taken = await database.user.findUnique({ where: { email: opts.email }, select: { id: true } });
  // Emails are unique across organizations; the message does not say where it is used.
  if (taken) throw inUse();
  return database
    .$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { orgId: opts.orgId, email: opts.email, name: opts.name, role: opts.role, passwordHash },
        select: publicUserSelect,
      });
      await recordAudit(tx, auditContext(opts), {
        kind: "user.created",
        payload: { targetUserId: user.id, email: user.email, name: user.name, role: user.role },
      });
      return user;
    })
    .catch((error: unknown) => {
      // Two admins adding the same email at once: the unique index decides.
      if ((error as { code?: string })?.code === "P2002") throw inUse();
      throw error;
    });
}
