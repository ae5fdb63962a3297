import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createOrganization } from "@/lib/organizations/create-organization";
import type { OrganizationFields } from "@/lib/organizations/organization-fields";
import { checkSetupCode, lockSetup, verifySetupCodeIn } from "./setup-code";
import type { SetupFile, SetupForm } from "./setup-input";

/** True while the database has no organization: the app offers setup instead of sign-in. */
export async function needsSetup(db: Db): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

const alreadySetUp = () => new AppError("CONFLICT", "This server is already set up. Sign in instead.");

/**
 * Setup from the web form: the one-time code first (a wrong guess is counted
 * and costs no password hashing), then the organization, its first admin and
 * the code's deletion in one transaction, under the setup lock: of two
 * submissions with the right code, one wins and the other is told it is done.
 */
export async function runSetup(db: Db, input: SetupForm & { now: Date }) {
  await checkSetupCode(db, { code: input.code, now: input.now });
  const passwordHash = await hashPassword(input.adminPassword);
  const { adminName, adminEmail, adminPassword: _, code, paymentInstructions, now, ...fields } = input;
  return db.$transaction(async (tx) => {
    await lockSetup(tx);
    await verifySetupCodeIn(tx, { code, now });
    if ((await tx.organization.count()) > 0) throw alreadySetUp();
    const created = await createOrganization(tx, {
      fields: fields satisfies OrganizationFields,
      admin: { name: adminName, email: adminEmail, passwordHash },
      paymentInstructions,
      via: "setup",
    });
    await tx.setupCode.deleteMany({});
    return created;
  });
}

/**
 * Setup from a file by an operator on the machine (`npm run setup`): whoever can
 * run it holds the database credentials, so no code is asked; a server that
 * has an organization is refused all the same. With `another`
 * (`npm run org:create`) it adds an organization to a server that has some.
 */
export async function runSetupFromFile(db: Db, input: SetupFile & { another?: boolean }) {
  const passwordHash = await hashPassword(input.admin.password);
  const { paymentInstructions, ...fields } = input.organization;
  return db.$transaction(async (tx) => {
    await lockSetup(tx);
    if (!input.another && (await tx.organization.count()) > 0) throw alreadySetUp();
    const created = await createOrganization(tx, {
      fields,
      admin: { name: input.admin.name, email: input.admin.email, passwordHash },
      paymentInstructions,
      via: input.another ? "org_create" : "setup_file",
    });
    await tx.setupCode.deleteMany({});
    return created;
  });
}
