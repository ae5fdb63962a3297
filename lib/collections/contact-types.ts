import type { ContactChannel, ContactDirection, ContactOutcome } from "@/lib/generated/prisma/enums";

/** What a collector can log by hand, as one choice: channel, direction and outcome together. */
export const CONTACT_TYPES: Record<
  string,
  { label: string; channel: ContactChannel; direction: ContactDirection; outcome: ContactOutcome }
> = {
  call_no_answer: { label: "Phone call: no answer", channel: "PHONE", direction: "OUTBOUND", outcome: "NO_ANSWER" },
  call_voicemail: {
    label: "Phone call: left a voicemail",
    channel: "PHONE",
    direction: "OUTBOUND",
    outcome: "VOICEMAIL",
  },
  call_spoke: { label: "Phone call: spoke to the customer", channel: "PHONE", direction: "OUTBOUND", outcome: "SPOKE" },
  email_sent: { label: "Email sent outside the app", channel: "EMAIL", direction: "OUTBOUND", outcome: "SENT" },
  reply_email: { label: "Customer replied by email", channel: "EMAIL", direction: "INBOUND", outcome: "REPLIED" },
  reply_phone: { label: "Customer called us", channel: "PHONE", direction: "INBOUND", outcome: "SPOKE" },
  reply_letter: { label: "Customer replied by letter", channel: "LETTER", direction: "INBOUND", outcome: "REPLIED" },
};
