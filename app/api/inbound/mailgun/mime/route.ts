import { inboundWebhookRoute } from "@/lib/inbound/webhook-route";

/** Mailgun's inbound route forwards here (docs/inbound-email.md): the URL ends in "mime", so body-mime holds the message. */
export const POST = inboundWebhookRoute("mailgun");
