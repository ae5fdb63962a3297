// How a customer's letter goes out: by the channel the customer prefers
// (customers.preferred_channel), and only when the customer record has what that
// channel needs. Email needs an address (requestEmailDelivery refuses without
// one); post needs a street line and a town for the address window. Pure, so
// the bulk-send plan and its jobs judge a customer the same way.

export type LetterChannel = "post" | "email";

export interface ChannelFacts {
  preferredChannel: string;
  email: string;
  addressLine1: string;
  city: string;
}

export type ChannelVerdict =
  | { ok: true; channel: LetterChannel }
  | { ok: false; channel: LetterChannel; reason: string };

export function letterChannel(customer: ChannelFacts): ChannelVerdict {
  if (customer.preferredChannel === "email") {
    if (!customer.email.trim())
      return { ok: false, channel: "email", reason: "Letters go by email, but the customer has no email address." };
    return { ok: true, channel: "email" };
  }
  if (!customer.addressLine1.trim() || !customer.city.trim())
    return {
      ok: false,
      channel: "post",
      reason: "Letters go by post, but the customer's postal address is incomplete.",
    };
  return { ok: true, channel: "post" };
}

/** The columns letterChannel reads, for a Prisma select. */
export const CHANNEL_COLUMNS = { preferredChannel: true, email: true, addressLine1: true, city: true } as const;
