// Security headers for every response (next.config.ts).
//
// CSP choice: a static policy with script-src 'self' 'unsafe-inline' rather
// than per-request nonces. Next.js streams inline <script> tags for hydration;
// nonces would need proxy.ts on every request and force every page (the static
// sign-in page too) to render dynamically. Everything else is locked down:
// no other origin for anything, no plugins, no <base> hijack, forms post only
// here, never framed. What keeps injected markup from running is React's
// escaping (no dangerouslySetInnerHTML anywhere, checked by a test). Moving to
// nonces later means: generate one in proxy.ts, set this header there with
// 'nonce-…' 'strict-dynamic' instead of 'unsafe-inline', and widen its matcher.

export function contentSecurityPolicy(opts: { dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's dev build evaluates code for stack traces; production never does.
    "script-src": ["'self'", "'unsafe-inline'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(opts.dev ? ["ws:"] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

export function securityHeaders(opts: { dev: boolean }): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(opts) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
    // Only honoured over HTTPS; harmless on the plain-HTTP demo.
    ...(opts.dev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]),
  ];
}

/** Added on the customer's page (/p/<token>): the token must not leave in a Referer, a cache or a search index. */
export function portalHeaders(): { key: string; value: string }[] {
  return [
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "Cache-Control", value: "private, no-store" },
    { key: "X-Robots-Tag", value: "noindex, nofollow" },
  ];
}
