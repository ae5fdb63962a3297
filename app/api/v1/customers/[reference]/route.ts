import { getCustomer, putCustomer } from "@/lib/api/operations/customers";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const PUT = apiRoute(putCustomer);
export const GET = apiRoute(getCustomer);
