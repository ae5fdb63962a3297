import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/uuid";
import { AppError } from "@/lib/errors/app-error";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { receiveBankStatement } from "./receive-bank-statement";

// A folder per organization (IMPORT_WATCH_DIR/<organization id>/) where a bank's
// file transfer drops statements: each minute the worker hands every file that has
// stopped changing to receiveBankStatement (source "folder") and moves it to done/
// or, with a .reason.txt beside it, to failed/. A file is claimed by renaming it into
// processing/ first, so two workers never take the same file.

export const WATCH_FOLDER_TASK = "bank.watch_folder";
export const WATCH_FOLDER_CRONTAB = `* * * * * ${WATCH_FOLDER_TASK}`;
/** A file still being written is left for a later run: only files unchanged this long are taken. */
export const SETTLED_MS = 30_000;

export type WatchedFileResult =
  | { orgId: string; file: string; outcome: "received"; statementId: string; duplicateOf?: string }
  | { orgId: string; file: string; outcome: "failed"; reason: string };

export async function importWatchedFolders(db: Db, opts: { root: string; now: Date }): Promise<WatchedFileResult[]> {
  const folders = (await readdir(opts.root, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && isUuid(e.name))
    .map((e) => e.name);
  if (!folders.length) return [];
  const orgs = await db.organization.findMany({ where: { id: { in: folders } }, select: { id: true } });
  const results: WatchedFileResult[] = [];
  for (const { id: orgId } of orgs) {
    const dir = path.join(opts.root, orgId);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isFile() || entry.name.startsWith(".")) continue;
      const file = path.join(dir, entry.name);
      const info = await stat(file).catch(() => null);
      if (!info || opts.now.getTime() - info.mtimeMs < SETTLED_MS) continue;
      const claimed = await claim(dir, entry.name);
      if (claimed) results.push(await importOne(db, { orgId, dir, name: entry.name, claimed, now: opts.now }));
    }
  }
  return results;
}

/** Moves the file into processing/; null when another worker took it first. */
async function claim(dir: string, name: string): Promise<string | null> {
  await mkdir(path.join(dir, "processing"), { recursive: true });
  const target = path.join(dir, "processing", name);
  try {
    await rename(path.join(dir, name), target);
    return target;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

async function importOne(
  db: Db,
  opts: { orgId: string; dir: string; name: string; claimed: string; now: Date },
): Promise<WatchedFileResult> {
  const stamp = opts.now.toISOString().replace(/[-:.]/g, "");
  const moveTo = async (folder: "done" | "failed") => {
    await mkdir(path.join(opts.dir, folder), { recursive: true });
    const target = path.join(opts.dir, folder, `${stamp}-${opts.name}`);
    await rename(opts.claimed, target);
    return target;
  };
  try {
    const bytes = await readFile(opts.claimed);
    const text = bytes
      .subarray(0, 64)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    if (!/^\s*</.test(text))
      throw new AppError(
        "INVALID_INPUT",
        "Not a camt.053/054 XML file. A CSV from the folder is not imported yet: use the Import page, where its columns are mapped.",
      );
    const received = await receiveBankStatement(db, {
      orgId: opts.orgId,
      actor: { userId: null },
      bytes,
      fileName: opts.name,
      contentType: "application/xml",
      source: "folder",
    });
    await moveTo("done");
    return {
      orgId: opts.orgId,
      file: opts.name,
      outcome: "received",
      statementId: received.id,
      ...(received.duplicateOf ? { duplicateOf: received.duplicateOf } : {}),
    };
  } catch (error) {
    if (!(error instanceof AppError)) {
      // Not the file's fault (the database, the disk): back in the folder for the next run.
      await rename(opts.claimed, path.join(opts.dir, opts.name));
      throw error;
    }
    const target = await moveTo("failed");
    await writeFile(`${target}.reason.txt`, `${error.message}\n`);
    return { orgId: opts.orgId, file: opts.name, outcome: "failed", reason: error.message };
  }
}

/** Run by the crontab only (scripts/worker.ts adds it when IMPORT_WATCH_DIR is set). */
export const WATCH_FOLDER_JOB = jobType(WATCH_FOLDER_TASK, z.object({}));

export function watchFolderTasks(db: Db, root: string) {
  return defineTask({
    ...WATCH_FOLDER_JOB,
    run: async (_payload, helpers) => {
      for (const r of await importWatchedFolders(db, { root, now: new Date() }))
        helpers.logger.info(
          r.outcome === "received"
            ? `Watched folder: ${r.orgId}/${r.file} received as bank statement ${r.statementId}${r.duplicateOf ? ` (same file as ${r.duplicateOf})` : ""}.`
            : `Watched folder: ${r.orgId}/${r.file} moved to failed/: ${r.reason}`,
        );
    },
  });
}
