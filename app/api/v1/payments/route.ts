import { apiRoute } from "@/lib/api/api-route";
import { postPayment } from "@/lib/public-api/operations/payments";

export const POST = apiRoute(postPayment);
