// The browser for Playwright, from npm: @sparticuz/chromium, pinned in package.json, the same
// binary on every machine (Playwright cannot download its own here, and whatever Chromium a
// machine happens to have would make a run depend on it). The package ships the binary
// brotli-packed; it is unpacked once per version into .tools/ (gitignored), not /tmp/chromium,
// where the package would reuse any binary found under that name, whatever its version.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import chromium from "@sparticuz/chromium";

const root = path.resolve(import.meta.dirname, "..");

function pinnedVersion(): string {
  const pkg = path.join(root, "node_modules/@sparticuz/chromium/package.json");
  return JSON.parse(readFileSync(pkg, "utf8")).version;
}

/** Unpacks the pinned Chromium (about 2 s, once per version) and returns the folder holding it. */
async function unpacked(): Promise<string> {
  const dir = path.join(root, ".tools", `chromium-${pinnedVersion()}`);
  if (existsSync(path.join(dir, "chromium"))) return dir;
  mkdirSync(path.dirname(dir), { recursive: true });
  // The package unpacks into os.tmpdir(), which reads TMPDIR: point it at a fresh folder, then
  // move that folder into place in one rename, so a concurrent run never sees half a binary.
  const staging = mkdtempSync(`${dir}.staging-`);
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await chromium.executablePath();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  try {
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true }); // another run got there first
    if (!existsSync(path.join(dir, "chromium"))) throw error;
  }
  return dir;
}

/**
 * Fonts from npm too (dejavu-fonts-ttf, the PDFs' font), so pages render alike on a machine with
 * no fonts installed; the machine's own fonts stay available after them.
 */
function fontConfig(dir: string): string {
  const file = path.join(dir, "fonts-local.conf");
  const fonts = path.join(root, "node_modules/dejavu-fonts-ttf/ttf");
  const xml = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${fonts}</dir>
  <cachedir>${path.join(dir, "fonts-cache")}</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
</fontconfig>
`;
  if (!existsSync(file) || readFileSync(file, "utf8") !== xml) writeFileSync(file, xml);
  return file;
}

/**
 * The package's flags, less those made for one page per AWS Lambda that a test suite must not have:
 * --single-process (closing a browser context closes the whole browser), --disable-web-security and
 * --allow-running-insecure-content (pages must meet the same origin rules as in a user's browser),
 * its --headless (Playwright sets its own) and its feature lists (they would replace Playwright's).
 */
const DROPPED =
  /^--(single-process|disable-web-security|allow-running-insecure-content|headless|(disable|enable)-features)\b/;
export const chromiumArgs = chromium.args.filter((arg) => !DROPPED.test(arg));

/** Launch options for Playwright (or `chromium.launch`): the pinned binary, its flags, its fonts. */
export async function chromiumLaunchOptions() {
  const dir = await unpacked();
  return {
    executablePath: path.join(dir, "chromium"),
    args: chromiumArgs,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig(dir) } as Record<string, string>,
  };
}
