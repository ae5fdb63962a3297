import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// What reaches the browser: components marked "use client" and whatever pages
// pass to them. These checks keep secrets and markup injection out by construction.

function sources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const full = path.join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry))
        out.push({ file: path.relative(process.cwd(), full), text: readFileSync(full, "utf8") });
    }
  };
  for (const root of [dir]) {
    try {
      walk(path.resolve(root));
    } catch {
      // folder not there yet
    }
  }
  return out;
}

const ui = [...sources("app"), ...sources("components")];

describe("the browser boundary", () => {
  it("no page or component touches a password hash", () => {
    for (const { file, text } of ui) expect(text, file).not.toMatch(/passwordHash|password_hash/);
  });

  it("no client component reads server secrets or the database", () => {
    for (const { file, text } of ui.filter((s) => /^["']use client["']/m.test(s.text))) {
      expect(text, file).not.toMatch(
        /process\.env\.(?!NODE_ENV)|@\/lib\/db\/|AUTH_SECRET|@\/lib\/auth\/(password|authenticate)/,
      );
    }
  });

  it("nothing renders raw HTML: user text is always escaped by React", () => {
    for (const { file, text } of ui) expect(text, file).not.toContain("dangerouslySetInnerHTML");
  });
});
