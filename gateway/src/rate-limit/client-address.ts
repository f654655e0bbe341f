import { BlockList, isIP } from "node:net";

/** Decides which address a request comes from, believing X-Forwarded-For only from trusted proxies. */
export class ClientAddressResolver {
  private readonly trusted = new BlockList();

  constructor(trustedProxies: string[]) {
    for (const entry of trustedProxies) {
      const [address, bits] = entry.split("/");
      const type = isIP(address!) === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) this.trusted.addAddress(address!, type);
      else this.trusted.addSubnet(address!, Number(bits), type);
    }
  }

  /**
   * The client's address: the peer's, unless the peer is a trusted proxy; then the nearest address in
   * X-Forwarded-For that is not itself a trusted proxy (each proxy appends the address it saw, so the entries
   * on the left are whatever the client chose to send).
   */
  resolve(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
    const direct = normalise(peer ?? "unknown");
    if (!this.isTrusted(direct) || !forwardedFor) return direct;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
      .split(",")
      .map((hop) => normalise(hop.trim()))
      .filter((hop) => isIP(hop) !== 0);
    for (let index = hops.length - 1; index >= 0; index--) {
      if (!this.isTrusted(hops[index]!)) return hops[index]!;
    }
    return hops[0] ?? direct;
  }

  private isTrusted(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.trusted.check(address, family === 6 ? "ipv6" : "ipv4");
  }
}

// An IPv4 peer on a dual-stack socket shows as ::ffff:10.0.0.1; count it as the IPv4 address it is.
function normalise(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
