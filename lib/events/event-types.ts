/** The events an organization's webhook endpoints can subscribe to (docs/api.md lists their data). */
export const WEBHOOK_EVENT_TYPES = [
  "letter.sent",
  "payment.recorded",
  "promise.made",
  "promise.broken",
  "dispute.opened",
  "dispute.resolved",
  "account.handed_off",
  "bank_statement.processed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
