import { apiRoute } from "@/lib/api/api-route";
import { getCustomerHistory } from "@/lib/public-api/operations/letters";

export const GET = apiRoute(getCustomerHistory);
