import { API_OPERATIONS } from "@/lib/api/operations";
import { WEBHOOK_OPERATIONS } from "@/lib/webhooks/operations";

/** Every /api/v1 operation: the API's and the webhook registration's (two outputs, composed here, where both may be imported). */
export const ALL_OPERATIONS = [...API_OPERATIONS, ...WEBHOOK_OPERATIONS];
