import { putInvoice } from "@/lib/api/operations/invoices";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const PUT = apiRoute(putInvoice);
