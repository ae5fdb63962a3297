import { apiRoute } from "@/lib/api/api-route";
import { postCreditNote } from "@/lib/public-api/operations/credit-notes";

export const POST = apiRoute(postCreditNote);
