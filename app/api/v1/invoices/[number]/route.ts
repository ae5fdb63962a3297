import { apiRoute } from "@/lib/api/api-route";
import { putInvoice } from "@/lib/public-api/operations/invoices";

export const PUT = apiRoute(putInvoice);
