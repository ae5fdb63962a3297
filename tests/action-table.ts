import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { createContactAttempt, createCustomer, createOrg, createUser } from "./factories";

/** An organization with one user per role, a user to act on, and some history. */
export async function actionFixture(db: Db) {
  const org = await createOrg(db);
  const users = {
    ADMIN: await createUser(db, org.id, "ADMIN"),
    COLLECTOR: await createUser(db, org.id, "COLLECTOR"),
    VIEWER: await createUser(db, org.id, "VIEWER"),
  };
  const target = await createUser(db, org.id, "COLLECTOR");
  const customer = await createCustomer(db, org.id);
  await createContactAttempt(db, customer);
  return { org, users, target, customer };
}
export type ActionFixture = Awaited<ReturnType<typeof actionFixture>>;

export interface ActionRow {
  /** Who may run it, written here independently of the definition so the test can fail. */
  allowed: Role[];
  /** An input that succeeds for an allowed role. */
  validInput: (fx: ActionFixture) => Record<string, unknown>;
  /** Fields holding ids: another organization's id there must give NOT_FOUND. */
  idFields?: string[];
  /** Fields of free text: SQL and HTML there are stored verbatim. */
  textFields?: string[];
}

const STRONG_PASSWORD = "a long enough passphrase";
let n = 0;

/** One row per action in lib/actions/registry.ts, keyed by the action's name. */
export const actionTable: Record<string, ActionRow> = {
  "users.create": {
    allowed: ["ADMIN"],
    validInput: () => ({ email: `matrix-${Date.now()}-${n++}@test.example`, name: "Matrix Person", role: "VIEWER", password: STRONG_PASSWORD }),
    textFields: ["name", "password"],
  },
  "users.set_role": {
    allowed: ["ADMIN"],
    validInput: (fx) => ({ userId: fx.target.id, role: "VIEWER" }),
    idFields: ["userId"],
  },
  "users.set_active": {
    allowed: ["ADMIN"],
    validInput: (fx) => ({ userId: fx.target.id, active: "false" }),
    idFields: ["userId"],
  },
  "users.reset_password": {
    allowed: ["ADMIN"],
    validInput: (fx) => ({ userId: fx.target.id, password: STRONG_PASSWORD }),
    idFields: ["userId"],
    textFields: ["password"],
  },
  "history.verify": {
    allowed: ["ADMIN", "VIEWER"],
    validInput: () => ({}),
  },
};

/**
 * What an action could have changed in the fixture's organization: if this is
 * equal before and after a refused call, the call changed nothing. Every change
 * writes an audit event (or another history entry), which advances the chain
 * head; users are compared too in case a change forgot its audit record.
 */
export async function orgSnapshot(db: Db, orgId: string) {
  const [head, users] = await Promise.all([
    db.historyChainHead.findUnique({ where: { orgId } }),
    db.user.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  ]);
  return { seq: head?.seq ?? 0n, hash: head?.headHash ?? "", users };
}
