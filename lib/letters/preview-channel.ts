import { type ChannelFacts, type LetterChannel, letterChannel } from "@/lib/delivery/channel";

/**
 * The channel the letter preview offers first: the customer's preferred channel, as the
 * bulk send uses it (lib/delivery/channel.ts), when the record has what it needs; post otherwise,
 * since email is only offered with an address.
 */
export function previewChannel(customer: ChannelFacts): LetterChannel {
  const verdict = letterChannel(customer);
  return verdict.ok ? verdict.channel : "post";
}
