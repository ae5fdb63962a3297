import { portalFileResponse } from "@/app/p/[token]/portal-file-response";
import { downloadPortalInvoice } from "@/lib/portal/pages";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string; invoiceId: string }> }) {
  const { token, invoiceId } = await params;
  return portalFileResponse(request, (ctx) => downloadPortalInvoice({ ...ctx, token, invoiceId }));
}
