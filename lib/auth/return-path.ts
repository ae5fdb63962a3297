// Where sign-in sends the user afterwards: only a path on this site, never another origin.
// "//evil.example" and "/\evil.example" are protocol-relative URLs to browsers, so they are
// refused along with anything carrying a scheme; a refused value falls back to the home page.
const BASE = "http://dunning.invalid";

export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  if (url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
