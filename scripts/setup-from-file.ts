// Shared by `npm run setup -- --from setup.json` (the first organization of an
// empty server, headless) and `npm run org:create -- --from org.json` (one more
// organization, for operators hosting several). The file's format is
// lib/setup/setup-input.ts (setupFileSchema); docs/setup.example.json shows it.
import { readFileSync } from "node:fs";
import { createDb } from "@/lib/db/client";
import { openAppDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrations";
import { AppError } from "@/lib/errors/app-error";
import { runSetupFromFile } from "@/lib/setup/run-setup";
import { describeSetupFileIssues, setupFileSchema } from "@/lib/setup/setup-input";

export async function setupFromFile(opts: { command: string; another: boolean }): Promise<number> {
  const at = process.argv.indexOf("--from");
  const file = at > 0 ? process.argv[at + 1] : undefined;
  if (!file) {
    console.error(`Usage: npm run ${opts.command} -- --from <file.json>   (see docs/setup.example.json)`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`Could not read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const parsed = setupFileSchema.safeParse(json);
  if (!parsed.success) {
    console.error(`${file} has problems; nothing was created:`);
    for (const line of describeSetupFileIssues(parsed.error)) console.error(`  ${line}`);
    return 2;
  }
  const database = await openAppDatabase();
  try {
    await applyMigrations(database.url);
    const prisma = createDb(database.url);
    try {
      const { org, admin } = await runSetupFromFile(prisma, { ...parsed.data, another: opts.another });
      console.log(`Created ${org.name} (${org.id}). ${admin.email} can now sign in as its administrator.`);
      return 0;
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`${error.message} Nothing was created.`);
    for (const [field, messages] of Object.entries(error.fieldErrors ?? {}))
      console.error(`  ${field}: ${messages.join(" ")}`);
    return 1;
  } finally {
    await database.stop();
  }
}
