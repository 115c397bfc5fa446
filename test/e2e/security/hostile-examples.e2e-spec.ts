/**
 * Hostile input, the shapes the property-based run (hostile-input.e2e-spec.ts) found or that
 * matter too much to leave to chance: each one pinned as an example, so that it is checked on
 * every run. Properties: no 5xx, a problem+json answer whose status is the HTTP status, and no row
 * changed by a rejected request.
 */
import type { Client } from 'pg';
import { createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { rawRequest, type RawRequest } from './raw-http';
import { connect, fingerprint, listen, problemDefect, report } from './security-kit';

const ADMIN_KEY = '0123456789abcdef0123';
const P = '/api/v1/payments';
const json = (value: unknown) => JSON.stringify(value);
const nestArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const auth = { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' };

describe('hostile input: pinned examples', () => {
  let t: TestApp;
  let db: Client;
  let base: string;
  let quoteId: string;
  let paymentId: string;
  let subscriptionId: string;
  let processingId: string;

  const send = (req: RawRequest) => rawRequest(base, req);
  const freshQuote = async () =>
    (
      await send({
        method: 'POST',
        path: `${P}/quote`,
        headers: auth,
        body: json({ currency: 'USD', country: 'US' }),
      })
    ).body as { id: string };
  const item = (overrides: Record<string, unknown> = {}) => ({
    quoteId,
    externalRef: `ex-${Math.random().toString(36).slice(2)}`,
    amount: '10.00',
    beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: '021000021' },
    ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_PER_MINUTE: '0',
      SCHEDULERS: 'false',
      ADMIN_API_KEY: ADMIN_KEY,
    });
    base = await listen(t);
    db = await connect(t.databaseUrl);
    quoteId = (await freshQuote()).id;
    const created = await send({
      method: 'POST',
      path: P,
      headers: auth,
      body: json({ payments: [item()] }),
    });
    paymentId = (created.body as { results: { payment: { id: string } }[] }).results[0].payment.id;
    // A PROCESSING payment, so that a move to FAILED reaches the database.
    quoteId = (await freshQuote()).id;
    const second = await send({
      method: 'POST',
      path: P,
      headers: auth,
      body: json({ payments: [item()] }),
    });
    processingId = (second.body as { results: { payment: { id: string } }[] }).results[0].payment
      .id;
    await send({
      method: 'POST',
      path: `/api/v1/sandbox/payments/${processingId}/status`,
      headers: auth,
      body: json({ status: 'PROCESSING' }),
    });
    quoteId = (await freshQuote()).id;
    subscriptionId = (
      (
        await send({
          method: 'POST',
          path: `${P}/subscribe`,
          headers: auth,
          body: json({ callbackUrl: 'http://127.0.0.1:9/h' }),
        })
      ).body as { id: string }
    ).id;
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

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
        body: `{"payments":[{"quoteId":"${quoteId}","externalRef":"deep-1","amount":"1.00","beneficiary":{"name":"A","accountNumber":"1","bankCode":"021000021"},"metadata":{"a":${nestArrays(3_000)}}}]}`,
      }),
    ],
    [
      '20,000 nested arrays as the whole body (subscribe)',
      () => ({ method: 'POST', path: `${P}/subscribe`, headers: auth, body: nestArrays(20_000) }),
    ],
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
        path: `/api/v1/sandbox/payments/${processingId}/status`,
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
        path: `${P}/subscriptions/${subscriptionId}/deliveries?limit=%00`,
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
      () => ({ method: 'GET', path: `${P}/${paymentId}%00`, headers: auth }),
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
        body: `{"payments":[{"quoteId":"${quoteId}","externalRef":"pp-1","amount":"1.00","beneficiary":{"name":"A","accountNumber":"1","bankCode":"021000021"},"metadata":{"constructor":{"prototype":{"polluted":"yes"}}}}]}`,
      }),
    ],
    [
      '1e999 as amount',
      () => ({
        method: 'POST',
        path: P,
        headers: auth,
        body: `{"payments":[{"quoteId":"${quoteId}","externalRef":"inf-1","amount":1e999,"beneficiary":{"name":"A","accountNumber":"1","bankCode":"021000021"}}]}`,
      }),
    ],
  ];

  it.each(cases)('%s: no 5xx, problem+json, nothing written', async (_name, build) => {
    const req = build();
    const before = await fingerprint(db);
    const res = await send(req);
    const after = await fingerprint(db);
    report(`hostile example ${_name}`, {
      status: res.status,
      code: (res.body as { code?: string } | undefined)?.code ?? null,
      contentType: res.headers['content-type'] ?? null,
      ms: Math.round(res.durationMs),
    });
    expect(res.status).toBeLessThan(500);
    expect(problemDefect(res)).toBeNull();
    if (res.status >= 300)
      expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__'])(
    'metadata key "%s" is stored as sent or refused with 400, never dropped silently',
    async (key) => {
      quoteId = (await freshQuote()).id;
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
