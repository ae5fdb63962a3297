// The address a request came from, for the audit log. X-Forwarded-For is
// written by whoever sends the request, so it is believed only as far as it
// was appended by proxies we run: walking it from the right, each hop added by
// a trusted proxy is skipped, and the first address no trusted proxy vouches
// for is the client. Next.js keeps a client-sent X-Forwarded-For as it is
// (it adds the socket's address only when the header is missing), so the
// server in scripts/serve.ts computes this from the socket and replaces the
// header before Next.js sees it.

/** TRUSTED_PROXIES: comma-separated addresses of the reverse proxies in front of the app (none by default). */
export function trustedProxies(setting = process.env.TRUSTED_PROXIES ?? ""): Set<string> {
  return new Set(
    setting
      .split(",")
      .map((a) => normalize(a))
      .filter(Boolean),
  );
}

function normalize(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

export function clientAddress(peer: string, forwardedFor: string | undefined, trusted: Set<string>): string {
  let client = normalize(peer);
  const hops = (forwardedFor ?? "").split(",").map(normalize).filter(Boolean);
  while (trusted.has(client) && hops.length) client = hops.pop()!;
  return client.slice(0, 64);
}
