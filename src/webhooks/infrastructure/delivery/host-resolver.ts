import { lookup } from 'node:dns/promises';

/** The addresses a host name resolves to (all of them, in the resolver's order). */
export type HostResolver = (host: string) => Promise<string[]>;

/**
 * The injection token of the HostResolver the callback URL guard uses. Production binds the
 * system resolver; tests bind a fixed table (test/support/fake-dns.ts), so that no test depends on
 * the host's resolver or reaches past 127.0.0.1.
 */
export const HOST_RESOLVER = Symbol('HostResolver');

type LookupAll = (
  host: string,
  options: { all: true; verbatim: true },
) => Promise<{ address: string }[]>;

/**
 * The system resolver (getaddrinfo: /etc/hosts, then DNS). verbatim keeps the system's order
 * (IPv6 first where it prefers it) instead of IPv4 first.
 */
export function systemResolver(lookupAll: LookupAll = lookup): HostResolver {
  return async (host) =>
    (await lookupAll(host, { all: true, verbatim: true })).map((entry) => entry.address);
}
