import type { HostResolver } from '../../src/webhooks/infrastructure/delivery/host-resolver';

/**
 * The only names the test service can resolve (createTestApp binds it in place of the system
 * resolver): no test depends on the host's resolver or on outside DNS. The public addresses are
 * documentation and anycast addresses; a test that subscribes to one must not let a delivery be
 * attempted to it (nothing may reach past 127.0.0.1).
 */
export const TEST_HOSTS: Readonly<Record<string, readonly string[]>> = {
  localhost: ['127.0.0.1'],
  'receiver.test': ['127.0.0.1'],
  'hooks.example.com': ['93.184.215.14', '2606:4700:4700::1111'],
  'internal.example.com': ['10.1.2.3'],
  'rebind.example.com': ['93.184.215.14', '::ffff:127.0.0.1'],
};

/** Resolves from `hosts`; any other name fails as getaddrinfo does (ENOTFOUND). */
export function fakeResolver(hosts = TEST_HOSTS): HostResolver {
  return async (host) => {
    const addresses = hosts[host.toLowerCase().replace(/\.$/, '')];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return [...addresses];
  };
}
