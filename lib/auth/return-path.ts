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
  if (url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return START_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}
