import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint said no: the idempotency backstop of a concurrent duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
