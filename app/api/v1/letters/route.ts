import { apiRoute } from "@/lib/api/api-route";
import { postLetter } from "@/lib/public-api/operations/letters";

export const POST = apiRoute(postLetter);
