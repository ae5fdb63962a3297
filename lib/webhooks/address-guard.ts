import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

// A webhook must not reach the internal network (SSRF): loopback, RFC 1918,
// carrier-grade NAT, link-local (cloud metadata at 169.254.169.254), unique
// local and unspecified addresses are refused, for literal addresses and for
// every address a name resolves to, unless WEBHOOK_ALLOW_PRIVATE=1.

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

export const privateAllowed = () => process.env.WEBHOOK_ALLOW_PRIVATE === "1";

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  const family = isIP(ip);
  if (!family) return true;
  return PRIVATE.check(ip, family === 4 ? "ipv4" : "ipv6");
}

/** The addresses a host resolves to, refused (with the reason) when any is private and that is not allowed. */
export async function publicAddressesOf(host: string): Promise<{ address: string; family: number }[]> {
  const bare = host.replace(/^\[|\]$/g, "");
  const found = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await lookup(bare, { all: true });
  if (!privateAllowed()) {
    const inside = found.find((a) => isPrivateAddress(a.address));
    if (inside)
      throw new Error(
        `${host} is a private address (${inside.address}); webhooks go only to the internet unless the operator sets WEBHOOK_ALLOW_PRIVATE=1.`,
      );
  }
  return found;
}
