import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

// Field rules shared by the user-management forms and their lib functions.
export const MAX_PASSWORD_LENGTH = 1024;

export const userIdField = z.uuid({ message: "Choose a user from the list." });
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email({ message: "Enter an email address like name@example.com." }));
export const nameField = z
  .string()
  .trim()
  .min(1, "Enter the person's name.")
  .max(200, "A name has at most 200 characters.");
export const roleField = z.enum(["ADMIN", "COLLECTOR", "VIEWER"], { message: "Choose admin, collector or viewer." });
export const passwordField = z
  .string({ message: "Enter a password." })
  .min(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `A password has at most ${MAX_PASSWORD_LENGTH} characters.`);

/** Who is acting, for authorization scope and the audit record. */
export interface Actor {
  orgId: string;
  actorId: string;
  ip: string;
}

export const auditContext = (actor: Actor) => ({ orgId: actor.orgId, userId: actor.actorId, ip: actor.ip });

/** Fields of a user that may be shown; never the password hash. */
export const publicUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lockedUntil: true,
  createdAt: true,
} as const;
