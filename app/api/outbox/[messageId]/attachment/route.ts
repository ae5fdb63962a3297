import { z } from "zod";
import { ANY_ROLE } from "@/lib/auth/roles";
import { getOutboxAttachment } from "@/lib/delivery/pages";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, pdfResponse, routeUser } from "@/lib/http/route-auth";

export async function GET(_request: Request, { params }: { params: Promise<{ messageId: string }> }) {
  try {
    const user = await routeUser(ANY_ROLE);
    const { messageId } = await params;
    if (!z.uuid().safeParse(messageId).success) throw new AppError("NOT_FOUND", "That message was not found.");
    const message = await getOutboxAttachment(user, messageId);
    return pdfResponse(message.attachment, message.attachmentName);
  } catch (error) {
    return errorResponse(error);
  }
}
