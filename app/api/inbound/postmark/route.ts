import { inboundWebhookRoute } from "@/lib/inbound/webhook-route";

/** Postmark's inbound webhook (docs/inbound-email.md): basic credentials in the URL, RawEmail in the JSON. */
export const POST = inboundWebhookRoute("postmark");
