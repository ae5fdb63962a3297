import { z } from "zod";
import { ANY_ROLE } from "@/lib/auth/roles";
import { getLetterPdfFor } from "@/lib/documents/pages";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, pdfResponse, routeUser } from "@/lib/http/route-auth";

// A stored letter as a PDF, rendered from the letter row as sent. Any role of the letter's organization may read it.
export async function GET(_request: Request, { params }: { params: Promise<{ letterId: string }> }) {
  try {
    const user = await routeUser(ANY_ROLE);
    const { letterId } = await params;
    if (!z.uuid().safeParse(letterId).success) throw new AppError("NOT_FOUND", "That letter was not found.");
    const { pdf, filename } = await getLetterPdfFor(user, letterId);
    return pdfResponse(pdf, filename);
  } catch (error) {
    return errorResponse(error);
  }
}
