import { apiRoute } from "@/lib/api-runtime/api-route";
import { postWebhookEndpoint } from "@/lib/webhooks/operations";

export const POST = apiRoute(postWebhookEndpoint);
