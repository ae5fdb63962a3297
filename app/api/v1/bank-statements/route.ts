import { postBankStatement } from "@/lib/api/operations/bank-statements";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const POST = apiRoute(postBankStatement);
