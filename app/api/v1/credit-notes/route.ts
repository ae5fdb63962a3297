import { postCreditNote } from "@/lib/api/operations/credit-notes";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const POST = apiRoute(postCreditNote);
