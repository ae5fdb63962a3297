import { ANY_ROLE } from "@/lib/auth/roles";
import { getLogo } from "@/lib/documents/pages";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, routeUser } from "@/lib/http/route-auth";

// A stored letterhead logo. Content-addressed, so it may be cached for ever.
export async function GET(_request: Request, { params }: { params: Promise<{ sha256: string }> }) {
  try {
    const user = await routeUser(ANY_ROLE);
    const { sha256 } = await params;
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError("NOT_FOUND", "No such logo.");
    const logo = await getLogo(user, sha256);
    return new Response(Buffer.from(logo.bytes), {
      headers: {
        "Content-Type": logo.contentType,
        "Cache-Control": "private, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
