/**
 * Hostile input, pinned examples of text: NUL and lone surrogates in every text field (PostgreSQL
 * refuses them in text and jsonb), and metadata keys named after Object's own properties.
 */
import { ADMIN_KEY } from '../../support/test-app';
import { auth, json, P, useHostileExamplesApp } from './hostile-examples-app';
import type { RawRequest } from './raw-http';
import { problemDefect, report } from './security-kit';

describe('hostile input: pinned examples, text', () => {
  const { ids, send, freshQuote, item, expectHarmless } = useHostileExamplesApp();

  const cases: [string, () => RawRequest][] = [
    // NUL and lone surrogates: PostgreSQL refuses them in text and jsonb.
    [
      'admin account name "\\u0000"',
      () => ({
        method: 'POST',
        path: '/api/v1/admin/accounts',
        headers: { ...auth, authorization: `Bearer ${ADMIN_KEY}` },
        body: '{"name":"a\\u0000b"}',
      }),
    ],
    [
      'admin account name with a lone surrogate',
      () => ({
        method: 'POST',
        path: '/api/v1/admin/accounts',
        headers: { ...auth, authorization: `Bearer ${ADMIN_KEY}` },
        body: '{"name":"a\\ud800b"}',
      }),
    ],
    [
      'beneficiary.name with NUL',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body: json({
          payments: [
            item({ beneficiary: { name: 'a\u0000b', accountNumber: '1', bankCode: '021000021' } }),
          ],
        }),
      }),
    ],
    [
      'reference with NUL',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body: json({ payments: [item({ reference: 'a\u0000b' })] }),
      }),
    ],
    [
      'metadata value with NUL',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body: json({ payments: [item({ metadata: { k: 'a\u0000b' } })] }),
      }),
    ],
    [
      'metadata value with a lone surrogate',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body:
          '{"payments":[' +
          json(item({ metadata: { k: 'SURROGATE' } })).replace('SURROGATE', '\\ud800') +
          ']}',
      }),
    ],
    [
      'metadata key with NUL',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body: json({ payments: [item({ metadata: { 'a\u0000': 'v' } })] }),
      }),
    ],
    [
      'purpose with a lone surrogate',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body:
          '{"payments":[' +
          json(item({ purpose: 'SURROGATE' })).replace('SURROGATE', 'x\\udfff') +
          ']}',
      }),
    ],
    [
      'sandbox failureReason with NUL',
      () => ({
        method: 'POST',
        path: `/api/v1/sandbox/payments/${ids.processingId}/status`,
        headers: auth,
        body: json({ status: 'FAILED', failureReason: 'a\u0000b' }),
      }),
    ],
    [
      'callbackUrl with NUL',
      () => ({
        method: 'POST',
        path: `${P}/subscribe`,
        headers: auth,
        body: json({ callbackUrl: 'http://127.0.0.1:9/a\u0000b' }),
      }),
    ],
  ];

  it.each(cases)('%s: no 5xx, problem+json, nothing written', (name, build) =>
    expectHarmless(name, build),
  );

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'metadata key "%s" is stored as sent or refused with 400, never dropped silently',
    async (key) => {
      ids.quoteId = (await freshQuote()).id;
      const metadata = '{' + json(key) + ':"x","k":"v"}';
      const body =
        '{"payments":[' + json(item({ metadata: 'META' })).replace('"META"', metadata) + ']}';
      const res = await send({ method: 'POST', path: P, headers: auth, body });
      const stored = (
        res.body as { results?: { payment?: { metadata?: Record<string, string> } }[] }
      )?.results?.[0]?.payment?.metadata;
      report(`hostile example metadata key ${key}`, { status: res.status, stored: stored ?? null });
      expect(res.status).toBeLessThan(500);
      if (res.status < 300) {
        expect(Object.keys(stored ?? {}).sort()).toEqual([key, 'k'].sort());
      } else expect(problemDefect(res)).toBeNull();
    },
  );
});
