import { postLetter } from "@/lib/api/operations/letters";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const POST = apiRoute(postLetter);
