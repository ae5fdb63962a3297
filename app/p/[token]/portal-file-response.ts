import { clientIpFrom } from "@/lib/auth/request-ip";
import type { PortalAccess, PortalFile } from "@/lib/portal/open-portal-page";
import { clockNow } from "@/lib/time/dates";

/** A download from the customer's page: the file, or the same plain refusal for every link that does not open it. */
export async function portalFileResponse(
  request: Request,
  open: (ctx: { ip: string; now: Date; rateNow: Date }) => Promise<PortalAccess<PortalFile>>,
): Promise<Response> {
  const result = await open({ ip: clientIpFrom(request.headers), now: clockNow(), rateNow: new Date() });
  if (result.status === "limited") return new Response("Too many requests.", { status: 429 });
  if (result.status === "dead") return new Response("This link does not work.", { status: 404 });
  return new Response(Buffer.from(result.value.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${result.value.filename}"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
