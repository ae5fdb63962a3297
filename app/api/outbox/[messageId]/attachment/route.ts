import { z } from "zod";
import { ANY_ROLE } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, pdfResponse, routeUser } from "@/lib/http/route-auth";

export async function GET(_request: Request, { params }: { params: Promise<{ messageId: string }> }) {
  try {
    const user = await routeUser(ANY_ROLE);
    const { messageId } = await params;
    if (!z.uuid().safeParse(messageId).success) throw new AppError("NOT_FOUND", "That message was not found.");
    const message = await db().outboxMessage.findFirst({
      where: { id: messageId, orgId: user.orgId },
      select: { attachment: true, attachmentName: true },
    });
    if (!message) throw new AppError("NOT_FOUND", "That message was not found.");
    return pdfResponse(message.attachment, message.attachmentName);
  } catch (error) {
    return errorResponse(error);
  }
}
