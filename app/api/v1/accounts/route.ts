import { listAccounts } from "@/lib/api/operations/reports";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const GET = apiRoute(listAccounts);
