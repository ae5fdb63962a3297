import { getBankStatement } from "@/lib/api/operations/bank-statements";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const GET = apiRoute(getBankStatement);
