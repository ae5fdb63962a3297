/**
 * The client's address for audit records: X-Forwarded-For as the app's server
 * (scripts/serve.ts) rewrote it from the socket and TRUSTED_PROXIES, one
 * address (lib/http/client-address.ts). X-Real-IP is not read: anyone can send it.
 */
export function clientIpFrom(h: Headers): string {
  return (h.get("x-forwarded-for")?.split(",").at(-1) ?? "").trim().slice(0, 64);
}
