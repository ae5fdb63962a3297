import { apiRoute } from "@/lib/api/api-route";
import { getLetter } from "@/lib/public-api/operations/letters";

export const GET = apiRoute(getLetter);
