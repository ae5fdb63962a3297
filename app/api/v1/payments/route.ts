import { postPayment } from "@/lib/api/operations/payments";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const POST = apiRoute(postPayment);
