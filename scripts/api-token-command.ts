import { parseArgs } from "node:util";
import { createApiToken } from "@/lib/api-runtime/create-api-token";
import { revokeApiToken } from "@/lib/api-runtime/revoke-api-token";
import type { ApiScope } from "@/lib/api-runtime/scopes";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

export const API_TOKEN_USAGE = `Usage:
  npm run api-token -- create --org "<organization name>" --name <name> --scopes read,write [--expires YYYY-MM-DD]
  npm run api-token -- revoke --org "<organization name>" --name <name>`;

/**
 * `npm run api-token`: an operator (who holds the database already) makes or
 * revokes a token for an organization named exactly. Prints the token once.
 * Returns the exit code; `out`/`err` are the console's, or a test's.
 */
export async function apiTokenCommand(
  database: Db,
  argv: string[],
  io: { out: (line: string) => void; err: (line: string) => void } = { out: console.log, err: console.error },
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n${API_TOKEN_USAGE}`);
    return 2;
  }
  const { verb, values } = parsed;
  if ((verb !== "create" && verb !== "revoke") || !values.org || !values.name) {
    io.err(API_TOKEN_USAGE);
    return 2;
  }
  const orgs = await database.organization.findMany({ where: { name: values.org }, select: { id: true } });
  if (orgs.length !== 1) {
    io.err(
      orgs.length
        ? `${orgs.length} organizations are named "${values.org}".`
        : `No organization is named "${values.org}".`,
    );
    return 1;
  }
  const now = new Date();
  try {
    if (verb === "revoke") {
      const result = await revokeApiToken(database, {
        orgId: orgs[0].id,
        name: values.name,
        revokedById: null,
        via: "cli",
        now,
      });
      io.out(result.alreadyRevoked ? `Token "${result.name}" was already revoked.` : `Revoked token "${result.name}".`);
      return 0;
    }
    if (values.expires && !/^\d{4}-\d{2}-\d{2}$/.test(values.expires)) {
      io.err("--expires takes a date, YYYY-MM-DD.");
      return 2;
    }
    const token = await createApiToken(database, {
      orgId: orgs[0].id,
      name: values.name,
      scopes: (values.scopes ?? "read").split(",").map((s) => s.trim()) as ApiScope[],
      expiresAt: values.expires ? new Date(`${values.expires}T23:59:59Z`) : null,
      createdById: null,
      via: "cli",
      now,
    });
    io.out(token.secret);
    io.err(`Created token "${token.name}" (${token.scopes.join(", ")}). It is shown this once; store it now.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`${error.message} Nothing was changed.`);
      return 1;
    }
    if ((error as { name?: string }).name === "ZodError") {
      io.err(
        `${(error as { issues: { message: string }[] }).issues.map((i) => i.message).join(" ")} Nothing was changed.`,
      );
      return 2;
    }
    throw error;
  }
}

function parse(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      org: { type: "string" },
      name: { type: "string" },
      scopes: { type: "string" },
      expires: { type: "string" },
    },
  });
  return { verb: positionals[0], values };
}
