// Where sign-in sends the user afterwards: only a path on this site, never another origin.
// "//evil.example" and "/\evil.example" are protocol-relative URLs to browsers, so they are
// refused along with anything carrying a scheme; a refused or missing value falls back to
// /start, which sends each role to its own start page (lib/users/start-page.ts).
const BASE = "http://dunning.invalid";
export const START_PATH = "/start";

export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return START_PATH;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return START_PATH;
  if (/[\u0000-\u001f]/.test(value)) return START_PATH;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return START_PATH;
  }
  if (url.origin !== BASE) return START_PATH;
  // The check that matters is on the path as it will be sent: "/.//evil.example",
  // "/a/..//evil.example" and "/%2e//evil.example" normalise to "//evil.example", which a
  // browser reads as another host (issue 22). Backslashes count as slashes to browsers.
  const path = url.pathname;
  if (path.startsWith("//") || path.startsWith("/\\") || path.includes("\\")) return START_PATH;
  if (path.startsWith("/sign-in") || path.startsWith("/api/")) return START_PATH;
  return `${path}${url.search}${url.hash}`;
}
