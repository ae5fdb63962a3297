import { getCustomerHistory } from "@/lib/api/operations/letters";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const GET = apiRoute(getCustomerHistory);
