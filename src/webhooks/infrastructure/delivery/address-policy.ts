import * as ipaddr from 'ipaddr.js';

// Only global unicast (2000::/3) is routed on the public IPv6 Internet; the rest of the space
// (IPv4-compatible ::/96, discard 100::/64, ...) has no business being a webhook receiver.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
// RFC 6052 well-known NAT64 prefix: a gateway forwards to the IPv4 address in the last 32 bits.
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * Whether an IP address may receive webhooks, i.e. is ordinary public unicast: never loopback,
 * private, link-local, unique-local, CGNAT, multicast, broadcast, reserved or unspecified.
 * Addresses that embed an IPv4 address are judged by it, since that is where packets go.
 * 6to4 and Teredo are refused outright: they tunnel through relays to an embedded address and
 * no legitimate receiver needs them.
 */
export function isPublicAddress(ip: string): boolean {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    address = ipaddr.parse(ip);
  } catch {
    return false;
  }
  if (address.kind() === 'ipv4') return address.range() === 'unicast';

  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return isPublicAddress(v6.toIPv4Address().toString());
  if (v6.match(NAT64_WELL_KNOWN)) return isPublicAddress(embeddedIPv4(v6).toString());
  return v6.match(GLOBAL_UNICAST_V6) && v6.range() === 'unicast';
}

function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = v6.toByteArray();
  return new ipaddr.IPv4(bytes.slice(12));
}
