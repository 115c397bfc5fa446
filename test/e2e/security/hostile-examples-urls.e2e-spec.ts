/**
 * Hostile input, pinned examples of URLs: query strings (NUL, surrogates, arrays, repeats,
 * __proto__) and path ids (bad percent-encoding, NUL, traversal, very long).
 */
import { auth, P, useHostileExamplesApp } from './hostile-examples-app';
import type { RawRequest } from './raw-http';

describe('hostile input: pinned examples, query strings and ids', () => {
  const { ids, expectHarmless } = useHostileExamplesApp();

  const cases: [string, () => RawRequest][] = [
    [
      'list payments ?externalRef=%00',
      () => ({ method: 'GET', path: `${P}?externalRef=%00`, headers: auth }),
    ],
    [
      'list payments ?externalRef=%ED%A0%80 (a lone surrogate, percent-encoded)',
      () => ({ method: 'GET', path: `${P}?externalRef=%ED%A0%80`, headers: auth }),
    ],
    [
      'list payments ?status[]=PAID',
      () => ({ method: 'GET', path: `${P}?status[]=PAID`, headers: auth }),
    ],
    [
      'list payments ?limit=1&limit=2',
      () => ({ method: 'GET', path: `${P}?limit=1&limit=2`, headers: auth }),
    ],
    [
      'list payments ?__proto__[polluted]=1',
      () => ({ method: 'GET', path: `${P}?__proto__[polluted]=1`, headers: auth }),
    ],
    [
      'list deliveries ?limit=%00',
      () => ({
        method: 'GET',
        path: `${P}/subscriptions/${ids.subscriptionId}/deliveries?limit=%00`,
        headers: auth,
      }),
    ],
    // Ids: bad percent-encoding, NUL, traversal, very long.
    [
      'GET /payments/% (bad percent-encoding)',
      () => ({ method: 'GET', path: `${P}/%`, headers: auth }),
    ],
    ['GET /payments/%ED%A0%80', () => ({ method: 'GET', path: `${P}/%ED%A0%80`, headers: auth })],
    [
      'GET /payments/<id>%00',
      () => ({ method: 'GET', path: `${P}/${ids.paymentId}%00`, headers: auth }),
    ],
    [
      'GET /payments/..%2f..%2fetc%2fpasswd',
      () => ({ method: 'GET', path: `${P}/..%2f..%2fetc%2fpasswd`, headers: auth }),
    ],
    [
      'POST /payments/<8,000 chars>/cancel',
      () => ({ method: 'POST', path: `${P}/${'a'.repeat(8_000)}/cancel`, headers: auth }),
    ],
    [
      'DELETE /payments/subscriptions/%zz',
      () => ({ method: 'DELETE', path: `${P}/subscriptions/%zz`, headers: auth }),
    ],
  ];

  it.each(cases)('%s: no 5xx, problem+json, nothing written', (name, build) =>
    expectHarmless(name, build),
  );
});
