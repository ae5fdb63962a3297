import { apiRoute } from "@/lib/api/api-route";
import { getLetterPdfOperation } from "@/lib/public-api/operations/letters";

export const GET = apiRoute(getLetterPdfOperation);
