/**
 * Hostile input, pinned examples of bodies: a Content-Encoding that does not match the bytes, deep
 * nesting, prototype pollution and an infinite amount. The property-based run
 * (hostile-input.e2e-spec.ts) found these or they matter too much to leave to chance.
 */
import {
  auth,
  json,
  nestArrays,
  nestObjects,
  P,
  useHostileExamplesApp,
} from './hostile-examples-app';
import type { RawRequest } from './raw-http';

describe('hostile input: pinned examples, bodies', () => {
  const { ids, item, expectHarmless } = useHostileExamplesApp();

  const cases: [string, () => RawRequest][] = [
    // Content-Encoding that does not match the bytes: body-parser's zlib error has no `type`.
    [
      'Content-Encoding: gzip on a plain JSON body',
      () => ({
        method: 'POST',
        path: `${P}/quote`,
        headers: { ...auth, 'content-encoding': 'gzip' },
        body: json({ currency: 'USD', country: 'US' }),
      }),
    ],
    [
      'Content-Encoding: deflate on a plain JSON body',
      () => ({
        method: 'POST',
        path: `${P}/quote`,
        headers: { ...auth, 'content-encoding': 'deflate' },
        body: json({ currency: 'USD', country: 'US' }),
      }),
    ],
    [
      'Content-Encoding: br on a plain JSON body',
      () => ({
        method: 'POST',
        path: P,
        headers: { ...auth, 'content-encoding': 'br' },
        body: json({ payments: [item()] }),
      }),
    ],
    [
      'Content-Encoding: x-bogus',
      () => ({
        method: 'POST',
        path: `${P}/quote`,
        headers: { ...auth, 'content-encoding': 'x-bogus' },
        body: json({ currency: 'USD', country: 'US' }),
      }),
    ],
    // Deep nesting: valid JSON, but recursive transformation/validation overflows the stack.
    [
      '3,000 nested arrays in an unknown field (quote)',
      () => ({
        method: 'POST',
        path: `${P}/quote`,
        headers: auth,
        body: `{"currency":"USD","country":"US","x":${nestArrays(3_000)}}`,
      }),
    ],
    [
      '2,000 nested objects as the whole body (payments)',
      () => ({ method: 'POST', path: P, headers: auth, body: nestObjects(2_000) }),
    ],
    [
      '3,000 nested arrays in metadata (payments)',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body: `{"payments":[{"quoteId":"${ids.quoteId}","externalRef":"deep-1","amount":"1.00","beneficiary":{"name":"A","accountNumber":"1","bankCode":"021000021"},"metadata":{"a":${nestArrays(3_000)}}}]}`,
      }),
    ],
    [
      '20,000 nested arrays as the whole body (subscribe)',
      () => ({ method: 'POST', path: `${P}/subscribe`, headers: auth, body: nestArrays(20_000) }),
    ],
    // Prototype pollution through the body.
    [
      '{"__proto__":{"polluted":"yes"}} on quote',
      () => ({
        method: 'POST',
        path: `${P}/quote`,
        headers: auth,
        body: '{"__proto__":{"polluted":"yes"},"currency":"USD","country":"US"}',
      }),
    ],
    [
      '{"constructor":{"prototype":{"polluted":"yes"}}} in metadata',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body: `{"payments":[{"quoteId":"${ids.quoteId}","externalRef":"pp-1","amount":"1.00","beneficiary":{"name":"A","accountNumber":"1","bankCode":"021000021"},"metadata":{"constructor":{"prototype":{"polluted":"yes"}}}}]}`,
      }),
    ],
    [
      '1e999 as amount',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body: `{"payments":[{"quoteId":"${ids.quoteId}","externalRef":"inf-1","amount":1e999,"beneficiary":{"name":"A","accountNumber":"1","bankCode":"021000021"}}]}`,
      }),
    ],
  ];

  it.each(cases)('%s: no 5xx, problem+json, nothing written', (name, build) =>
    expectHarmless(name, build),
  );
});
