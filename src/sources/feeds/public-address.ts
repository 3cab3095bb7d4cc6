/**
 * Is an IP address on the public internet? Anything reached through feed content must be; loopback,
 * private, link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT, multicast,
 * unspecified, reserved and their IPv6 counterparts are not. Ranges come from ipaddr.js, not hand masks.
 */
import ipaddr from 'ipaddr.js';

const NAMES: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  uniqueLocal: 'private (unique local)',
  reserved: 'reserved',
  deprecatedSiteLocal: 'site-local (deprecated)',
};

/** Why `address` is not public ("loopback", "private"…), or undefined when it is a public unicast address. */
export function nonPublicReason(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let ip = ipaddr.parse(address);
  let mapped = false;
  // ::ffff:127.0.0.1 reaches 127.0.0.1; judge the IPv4 address inside.
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
    mapped = true;
  } else if (ip.kind() === 'ipv6' && isIPv4Compatible(ip as ipaddr.IPv6)) {
    // ::7f00:1 (written ::127.0.0.1) is the deprecated IPv4-compatible form; ipaddr.js calls it unicast.
    const [high = 0, low = 0] = (ip as ipaddr.IPv6).parts.slice(6);
    const inner = nonPublicReason(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`);
    return inner ? `${inner} (IPv4-compatible, deprecated)` : 'IPv4-compatible (deprecated)';
  }
  const range = ip.range();
  if (range === 'unicast') return undefined;
  const name = NAMES[range] ?? `special-purpose (${range})`;
  return mapped ? `${name} (IPv4-mapped)` : name;
}

/** ::/96 other than :: and ::1 (ipaddr.js names those two). */
function isIPv4Compatible(ip: ipaddr.IPv6): boolean {
  return ip.parts.slice(0, 6).every((p) => p === 0) && ip.range() === 'unicast';
}

export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(stripBrackets(host));
}

/** `[::1]` as URL.hostname gives it → `::1`. */
export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
