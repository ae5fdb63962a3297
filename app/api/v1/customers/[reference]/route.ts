import { apiRoute } from "@/lib/api/api-route";
import { getCustomer, putCustomer } from "@/lib/public-api/operations/customers";

export const PUT = apiRoute(putCustomer);
export const GET = apiRoute(getCustomer);
