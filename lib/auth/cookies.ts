/**
 * The session cookie: never readable by scripts (httpOnly), not sent on
 * cross-site POSTs (SameSite=Lax; Strict would also drop it when someone opens
 * a link to the app from their mail), and Secure in production. The plain-HTTP
 * demo (DUNNING_DEMO=1) and development cannot use Secure cookies.
 */
export function sessionCookie(env: Record<string, string | undefined> = process.env) {
  const secure = env.NODE_ENV === "production" && env.DUNNING_DEMO !== "1";
  return {
    secure,
    name: `${secure ? "__Secure-" : ""}authjs.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
