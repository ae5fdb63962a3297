import { WORKING_ROLES } from "@/lib/auth/roles";
import { getPrintJob } from "@/lib/documents/print-todays-letters";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, pdfResponse, routeUser } from "@/lib/http/route-auth";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const user = await routeUser(WORKING_ROLES);
    const job = getPrintJob({ orgId: user.orgId, id: (await params).jobId });
    if (!job?.result) throw new AppError("NOT_FOUND", "That print run is not ready or has expired.");
    return pdfResponse(job.result.pdf, `letters-to-post-${job.day}.pdf`);
  } catch (error) {
    return errorResponse(error);
  }
}
