import { postInvoiceBatch } from "@/lib/api/operations/invoice-batch";
import { apiRoute } from "@/lib/api-runtime/api-route";

export const POST = apiRoute(postInvoiceBatch);
