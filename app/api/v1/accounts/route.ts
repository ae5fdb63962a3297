import { apiRoute } from "@/lib/api/api-route";
import { listAccounts } from "@/lib/public-api/operations/reports";

export const GET = apiRoute(listAccounts);
