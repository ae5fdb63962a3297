import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The text of a PDF as `pdftotext` (poppler-utils) extracts it: what a reader, or a court, would copy out of it. */
export async function pdfToText(pdf: Uint8Array, opts: { layout?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "dd-pdf-"));
  try {
    const file = path.join(dir, "letter.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("pdftotext", [...(opts.layout ? ["-layout"] : []), "-enc", "UTF-8", file, "-"], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The fonts of a PDF as `pdffonts` lists them: name, and whether each is embedded and maps to Unicode. */
export async function pdfFonts(pdf: Uint8Array): Promise<{ name: string; embedded: boolean; unicode: boolean }[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "dd-pdf-"));
  try {
    const file = path.join(dir, "letter.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("pdffonts", [file]);
    return stdout
      .split("\n")
      .slice(2)
      .filter((l) => l.trim())
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        // name type... encoding emb sub uni object-id gen
        return { name: cols[0], embedded: cols.at(-5) === "yes", unicode: cols.at(-3) === "yes" };
      });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whitespace (line breaks, wide gaps) collapsed to single spaces, so phrases can be searched across line wraps. */
export function flatText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}
