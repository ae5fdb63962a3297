import { portalFileResponse } from "@/app/p/[token]/portal-file-response";
import { downloadPortalLetter } from "@/lib/portal/pages";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string; letterId: string }> }) {
  const { token, letterId } = await params;
  return portalFileResponse(request, (ctx) => downloadPortalLetter({ ...ctx, token, letterId }));
}
