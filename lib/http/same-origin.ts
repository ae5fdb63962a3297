import { AppError } from "@/lib/errors/app-error";

/**
 * Belt and braces against cross-site posts to server actions. Next.js already
 * rejects an action whose Origin host differs from Host/X-Forwarded-Host
 * (serverActions.allowedOrigins widens that; we set none), and the session
 * cookie is SameSite=Lax, so a cross-site POST carries no session. Next.js lets
 * a request without Origin through; browsers send Sec-Fetch-Site, so a
 * cross-site one is refused here whatever the Origin says.
 */
export function assertSameOrigin(h: Headers): void {
  const fetchSite = h.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new AppError("FORBIDDEN", "This request came from another site and was refused.");
  }
  const origin = h.get("origin");
  if (!origin) return;
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (!host || originHost !== host)
    throw new AppError("FORBIDDEN", "This request came from another site and was refused.");
}
