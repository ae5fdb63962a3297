/**
 * The client's address for audit records: the first X-Forwarded-For hop (set
 * by the reverse proxy in production), else X-Real-IP, else "".
 */
export function clientIpFrom(h: Headers): string {
  return (h.get("x-forwarded-for")?.split(",")[0] ?? h.get("x-real-ip") ?? "").trim().slice(0, 64);
}
