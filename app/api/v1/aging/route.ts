import { apiRoute } from "@/lib/api/api-route";
import { getAging } from "@/lib/public-api/operations/reports";

export const GET = apiRoute(getAging);
