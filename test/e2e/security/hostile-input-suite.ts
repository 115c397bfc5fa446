/**
 * Property-based hostile input for every endpoint (fast-check): bodies (arbitrary JSON, mutated
 * valid bodies, huge numbers, unicode, NUL and lone surrogates, prototype-pollution keys, raw
 * junk, deep nesting), headers (Content-Type, Authorization forms, encodings), ids (path
 * traversal, %00, bad percent-encoding, very long) and query strings.
 *
 * Properties, checked on every case:
 *   1. no 5xx (and an answer within a few seconds);
 *   2. every non-2xx is application/problem+json whose `status` is the HTTP status, with a string `code`;
 *   3. a rejected (non-2xx) request changes no row of any table (an md5 fingerprint per table
 *      before and after), and a GET never changes anything;
 *   4. Object.prototype is never polluted.
 * Violations are collected (not thrown at the first one) so that one run reports every kind of
 * defect, with an example request each; the test then fails if there was any.
 *
 * Used by test/e2e/security/hostile-input.e2e-spec.ts (about 1,000 cases, in `npm test`) and
 * test/faults/hostile-input.fault-spec.ts (10,000 cases, in `npm run test:faults`).
 */
import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'pg';
import { createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { createTestDatabase } from '../../support/test-database';
import { rawRequest, type RawResponse } from './raw-http';
import { connect, listen, StateWatcher, problemDefect, report, sleep, tally } from './security-kit';

export const HOSTILE_ADMIN_KEY = '0123456789abcdef0123';
const FRESH_QUOTE = '$FRESH_QUOTE$';
const SLOW_ANSWER_MS = 5_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Fixtures {
  paymentIds: string[];
  quoteIds: string[];
  subscriptionIds: string[];
  deliveries: { subscriptionId: string; deliveryId: string }[];
  externalRefs: string[];
  paymentsCursor: string;
  subscriptionsCursor: string;
  otherKey: string;
}

interface Case {
  endpoint: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  chunked?: boolean;
}

interface EndpointSpec {
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  weight: number;
  arbitrary: (fx: Fixtures) => fc.Arbitrary<Case>;
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\uFEFF',
  '\u202Eevil',
  '𝕏𝕐',
  'ﷺ',
  'é',
  'e\u0301',
  '🙂'.repeat(200),
  'a'.repeat(65),
  'a'.repeat(141),
  'a'.repeat(501),
  'a'.repeat(5000),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  "'; drop table payment; --",
  '" or 1=1 --',
  '%00',
  '../../etc/passwd',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'USD',
  'usd',
  'US',
  'XXX',
  'PAID',
  'PENDING',
  'null',
  'true',
  '1e999',
  '-0',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  '１２３',
  '٣',
  '10.000',
  '0.001',
  '0.00',
  '1000000000000.01',
  '1000000000001',
  '99999999999999999999',
  '1e3',
  '+1',
  '-1',
  ' 1',
  '1 ',
  '1,5',
  'http://127.0.0.1:9/h',
  'https://[::1]/x',
  'http://user:pass@127.0.0.1/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'whsec_',
  'whsec_AAAA',
  'whsec_' + 'A'.repeat(32),
  'whsec_' + Buffer.alloc(32, 7).toString('base64'),
  'payment.created',
  'payment.*',
];

const nastyString = fc.constantFrom(...NASTY_STRINGS);

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: nastyString, weight: 4 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ minLength: 100, maxLength: 3000 }), weight: 1 },
);

const hugeNumber = fc.constantFrom(
  1e308,
  -1e308,
  1e12,
  1e12 + 0.01,
  1000000000000.001,
  2 ** 53,
  2 ** 63,
  -1,
  0,
  -0,
  0.1,
  0.005,
  1e-7,
  5e-324,
  123456789012345680000,
  100.001,
  1250.5,
);

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'hasOwnProperty',
    'toString',
    'valueOf',
    '__defineGetter__',
    'isAdmin',
    'accountId',
    'id',
    'status',
    'version',
    '',
  ),
  fc.string({ maxLength: 20 }),
);

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: hugeNumber, weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, weight: 2 },
  {
    arbitrary: fc.constantFrom<Json>(null, true, false, [], {}, [null], [''], { polluted: 'yes' }),
    weight: 2,
  },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
);

/** Sets an own property, even `__proto__` (a plain assignment would change the prototype instead). */
function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Paths to every value of a JSON document (the root excluded). */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

function objectPathsOf(value: Json): (string | number)[][] {
  const paths = [[], ...pathsOf(value)];
  return paths.filter((p) => {
    const v = at(value, p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
}

function at(value: Json, path: (string | number)[]): Json | undefined {
  let v: Json | undefined = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, Json>)[k as string];
  }
  return v;
}

const isContainer = (v: Json | undefined): v is Record<string, Json> =>
  v !== null && typeof v === 'object';

type Mutation = (doc: Json) => Json;

function mutationsFor(template: Json): fc.Arbitrary<Mutation> {
  const paths = pathsOf(template);
  const objects = objectPathsOf(template);
  const arbs: fc.Arbitrary<Mutation>[] = [
    fc
      .tuple(fc.constantFrom(...objects), hostileKey, hostileValue)
      .map(([path, key, value]) => (doc: Json) => {
        const target = at(doc, path);
        if (isContainer(target) && !Array.isArray(target)) setOwn(target, key, value);
        return doc;
      }),
  ];
  if (paths.length > 0) {
    arbs.push(
      fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => (doc: Json) => {
        const parent = at(doc, path.slice(0, -1));
        if (isContainer(parent)) setOwn(parent, String(path[path.length - 1]), value);
        return doc;
      }),
      fc.constantFrom(...paths).map((path) => (doc: Json) => {
        const parent = at(doc, path.slice(0, -1));
        if (!isContainer(parent)) return doc;
        if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
        else delete (parent as Record<string, Json>)[path[path.length - 1]];
        return doc;
      }),
    );
  }
  return fc.oneof(...arbs);
}

/** A body built from a valid template: as is, mutated 1..3 times, or replaced by arbitrary JSON. */
function hostileDocument(template: Json): fc.Arbitrary<Json> {
  return fc.oneof(
    { arbitrary: fc.constant(template), weight: 1 },
    {
      arbitrary: fc
        .array(mutationsFor(template), { minLength: 1, maxLength: 3 })
        .map((ms) => ms.reduce((doc, m) => m(doc), clone(template))),
      weight: 6,
    },
    { arbitrary: fc.jsonValue() as fc.Arbitrary<Json>, weight: 2 },
    { arbitrary: fc.constant([template] as Json), weight: 1 },
  );
}

const nest = (depth: number, open: string, close: string, inner = '1') =>
  open.repeat(depth) + inner + close.repeat(depth);

/** Bodies that are not (or not only) JSON. */
function rawBody(template: Json): fc.Arbitrary<string> {
  const text = JSON.stringify(template);
  return fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.constantFrom(
      '',
      '{',
      '{"a":',
      '[',
      'null',
      'true',
      '0',
      '"x"',
      '[]',
      '{}',
      '\uFEFF' + text,
      '{"a":1,"a":2}',
      `${text} trailing`,
      text.slice(0, -1),
      text.replace(/"[^"]*"(?=[,}])/, '9007199254740993'),
      text.replace(/"[^"]*"(?=[,}])/, '123456789012345678901234567890.123456789'),
      text.replace(/"[^"]*"(?=[,}])/, '1e-400'),
      text.replace(/"[^"]*"(?=[,}])/, '1e999'),
      text.replace(/:\s*"[^"]*"/, ': -0'),
      text.replace(/"[^"]*"(?=[,}])/, '"\\u0000"'),
      text.replace(/"[^"]*"(?=[,}])/, '"\\ud800"'),
      text.replace(/{/, '{"__proto__":{"polluted":"yes"},'),
      text.replace(/{/, '{"constructor":{"prototype":{"polluted":"yes"}},'),
      '{"__proto__":{"polluted":"yes"}}',
      nest(20_000, '[', ']'),
      nest(5_000, '{"a":', '}'),
      text.replace(/{/, `{"deep":${nest(3_000, '[', ']')},`),
      text.replace(/{/, `{"deep":${nest(2_000, '{"a":', '}')},`),
      '\u0000',
      'NaN',
      `${text}\u0000`,
      Buffer.from(text, 'utf8').toString('latin1'),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Headers, ids, queries
// ---------------------------------------------------------------------------------------------

const printable = (max: number) =>
  fc.string({ unit: 'binary-ascii', maxLength: max }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));

function authHeaders(key: string, otherKey: string): fc.Arbitrary<Record<string, string>> {
  const hostile = fc.oneof(
    fc.constant({}),
    fc.constantFrom<Record<string, string>>(
      { authorization: 'Bearer' },
      { authorization: 'Bearer ' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
      { authorization: `Bearer ${key} ${key}` },
      { authorization: `bearer ${key}` },
      { authorization: `BEARER   ${key}   ` },
      { authorization: `Bearer ${key}x` },
      { authorization: `Bearer ${key.toUpperCase()}` },
      { authorization: `Bearer ${'a'.repeat(300)}` },
      { authorization: `Bearer ${key}`, accountid: 'not-an-account' },
      { authorization: `Bearer ${key}`, accountid: '00000000-0000-7000-8000-000000000000' },
      { authorization: `Bearer ${otherKey}` },
      { authorization: 'Bearer sk_test_demo' },
      { authorization: `Token ${key}` },
      { apikey: key },
      { apikey: ` ${key} ` },
      { apikey: '' },
      { apikey: 'x'.repeat(500) },
      { authorization: 'Bearer nope', apikey: key },
      { authorization: `Bearer ${key}`, apikey: 'nope' },
    ),
    printable(300).map((v) => ({ authorization: v })),
    printable(100).map((v) => ({ authorization: `Bearer ${v}` })),
    printable(100).map((v) => ({ apikey: v })),
  );
  return fc.oneof(
    { arbitrary: fc.constant({ authorization: `Bearer ${key}` }), weight: 8 },
    { arbitrary: hostile, weight: 2 },
  );
}

const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 8 },
  {
    arbitrary: fc.oneof(
      fc.constantFrom(
        'text/plain',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'application/json; charset=utf-8',
        'application/json;charset=UTF-8',
        'APPLICATION/JSON',
        'application/merge-patch+json',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        '*/*',
        'application/',
        'json',
        ';',
        'application/json, text/plain',
        'application/problem+json',
        'application/json; charset=nope',
        'application/json; boundary=',
        '',
      ),
      printable(80),
    ),
    weight: 2,
  },
);

const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 8 },
  {
    arbitrary: fc.oneof(
      printable(200).map((v) => ({ 'x-request-id': v })),
      fc.constant({ 'x-request-id': 'x'.repeat(2000) }),
      fc
        .constantFrom('gzip', 'deflate', 'br', 'identity', 'x-bogus', 'gzip, gzip')
        .map((v) => ({ 'content-encoding': v })),
      fc
        .constantFrom('application/xml', 'text/html', '*/*', 'application/problem+json', '')
        .map((v) => ({ accept: v })),
      fc.constant({ 'x-forwarded-for': '1.2.3.4' }),
      printable(100).map((v) => ({ 'x-hostile': v })),
    ),
    weight: 2,
  },
);

const RAW_IDS = [
  '..',
  '../..',
  '%2e%2e',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  'abc%00',
  '%',
  '%zz',
  '%C0%AE',
  '%ED%A0%80',
  '%FF',
  '%20',
  'null',
  'undefined',
  '0',
  '-1',
  '1e999',
  "'",
  '"',
  '%27%20or%201%3D1--',
  '%3Cscript%3E',
  '*',
  '~',
  '%2F',
  '%5C',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{00000000-0000-7000-8000-000000000000}',
  '00000000000070008000000000000000',
  '__proto__',
  'constructor',
];

function hostileId(real: string[]): fc.Arbitrary<string> {
  const reals = real.length > 0 ? real : ['00000000-0000-7000-8000-000000000000'];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...reals), weight: 3 },
    { arbitrary: fc.constantFrom(...reals).map((id) => id.toUpperCase()), weight: 1 },
    { arbitrary: fc.constantFrom(...reals).map((id) => `${id}%00`), weight: 1 },
    { arbitrary: fc.constantFrom(...reals).map((id) => ` ${id}`.replace(' ', '%20')), weight: 1 },
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: fc.constantFrom(...RAW_IDS), weight: 3 },
    {
      arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map(encodeURIComponentLoose),
      weight: 3,
    },
    { arbitrary: fc.integer({ min: 200, max: 6000 }).map((n) => 'a'.repeat(n)), weight: 1 },
  );
}

/** encodeURIComponent that survives lone surrogates (they become %EF%BF%BD). */
function encodeURIComponentLoose(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd')) || 'x';
}

function queryString(fx: Fixtures, keys: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { arbitrary: fc.constantFrom(...keys), weight: 6 },
    {
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        '__proto__[polluted]',
        'constructor[prototype][polluted]',
        'limit[]',
        'limit[a]',
        'cursor[]',
        'status[0]',
        'a[b][c]',
        '',
        'x'.repeat(300),
      ),
      weight: 2,
    },
    { arbitrary: fc.string({ maxLength: 10 }), weight: 1 },
  );
  const value = fc.oneof(
    fc.constantFrom(
      '0',
      '-1',
      '1',
      '100',
      '101',
      '1e2',
      '1.5',
      'NaN',
      'Infinity',
      '',
      ' ',
      '00020',
      '0x10',
      '9'.repeat(30),
    ),
    fc.constantFrom('PENDING', 'PAID', 'DELIVERED', 'FAILED', 'pending', 'CANCELLED', 'x'),
    fc.constantFrom(fx.paymentsCursor, fx.subscriptionsCursor, ...fx.externalRefs),
    fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64url')),
    fc.uuid().map((u) => Buffer.from(u).toString('base64url')),
    fc.constantFrom(
      'bm90LWEtdXVpZA',
      Buffer.from('\u0000').toString('base64url'),
      Buffer.from('\ud800', 'utf8').toString('base64url'),
      'A'.repeat(201),
      '%00',
      '%',
      '%zz',
    ),
    hostileString,
  );
  const pair = fc.tuple(key, value, fc.boolean()).map(([k, v, raw]) => {
    const enc = (s: string) =>
      raw && /^[\x21-\x7e]*$/.test(s) && !/[#&=?]/.test(s) ? s : encodeURIComponentLoose(s);
    return `${enc(k)}=${enc(v)}`;
  });
  return fc
    .array(pair, { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}

const pathNoise = fc.oneof(
  { arbitrary: fc.constant((p: string) => p), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      (p: string) => `${p}/`,
      (p: string) => `/${p}`,
      (p: string) => p.toUpperCase(),
      (p: string) => p.replace('/api/v1', '/api/v1/.'),
    ),
    weight: 1,
  },
);

const methodNoise = (method: string) =>
  fc.oneof(
    { arbitrary: fc.constant(method), weight: 25 },
    { arbitrary: fc.constantFrom('PUT', 'PATCH', 'OPTIONS', 'POST', 'GET', 'DELETE'), weight: 1 },
  );

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

function bodyCase(
  endpoint: string,
  method: string,
  pathArb: fc.Arbitrary<string>,
  template: Json,
  fx: Fixtures,
  key = DEMO_KEY,
): fc.Arbitrary<Case> {
  const body = fc.oneof(
    { arbitrary: hostileDocument(template).map((doc) => JSON.stringify(doc)), weight: 8 },
    { arbitrary: rawBody(template), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
  return fc
    .record({
      path: pathArb,
      noise: pathNoise,
      method: methodNoise(method),
      auth: authHeaders(key, fx.otherKey),
      ct: contentType,
      extra: extraHeaders,
      body,
      chunked: fc.integer({ min: 0, max: 9 }),
    })
    .map(({ path, noise, method: m, auth, ct, extra, body: b, chunked }) => ({
      endpoint,
      method: m,
      path: noise(path),
      headers: { ...auth, ...(b !== undefined ? { 'content-type': ct } : {}), ...extra },
      body: b,
      chunked: b !== undefined && chunked === 0,
    }));
}

function noBodyCase(
  endpoint: string,
  method: string,
  pathArb: fc.Arbitrary<string>,
  fx: Fixtures,
  key = DEMO_KEY,
): fc.Arbitrary<Case> {
  const body = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 8 },
    { arbitrary: rawBody({ a: 1 }), weight: 1 },
    { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
  );
  return fc
    .record({
      path: pathArb,
      noise: pathNoise,
      method: methodNoise(method),
      auth: authHeaders(key, fx.otherKey),
      ct: contentType,
      extra: extraHeaders,
      body,
    })
    .map(({ path, noise, method: m, auth, ct, extra, body: b }) => ({
      endpoint,
      method: m,
      path: noise(path),
      headers: { ...auth, ...(b !== undefined ? { 'content-type': ct } : {}), ...extra },
      body: b,
    }));
}

const P = '/api/v1/payments';
const SUBS = `${P}/subscriptions`;
const secretOf = (n: number) => `whsec_${Buffer.alloc(n, 9).toString('base64')}`;

export const ENDPOINTS: EndpointSpec[] = [
  {
    name: 'POST /payments/quote',
    method: 'POST',
    weight: 8,
    arbitrary: (fx) =>
      bodyCase(
        'POST /payments/quote',
        'POST',
        fc.constant(`${P}/quote`),
        { currency: 'USD', country: 'US' },
        fx,
      ),
  },
  {
    name: 'POST /payments',
    method: 'POST',
    weight: 16,
    arbitrary: (fx) =>
      fc
        .record({
          quoteId: fc.oneof(
            { arbitrary: fc.constant(FRESH_QUOTE), weight: 6 },
            { arbitrary: fc.constantFrom(...fx.quoteIds), weight: 2 },
            { arbitrary: fc.uuid(), weight: 1 },
          ),
          ref: fc.oneof(
            fc.constantFrom(...fx.externalRefs),
            fc.uuid().map((u) => `fz-${u}`),
          ),
          atomic: fc.constantFrom<Json>(false, true),
        })
        .chain(({ quoteId, ref, atomic }) =>
          bodyCase(
            'POST /payments',
            'POST',
            fc.constant(P),
            {
              atomic,
              payments: [
                {
                  quoteId,
                  externalRef: ref,
                  amount: '100.00',
                  beneficiary: {
                    name: 'Asha Rao',
                    accountNumber: '50100012345678',
                    bankCode: '021000021',
                  },
                  reference: 'Invoice 8812',
                  purpose: 'SUPPLIER_PAYMENT',
                  metadata: { orderId: '8812' },
                },
              ],
            },
            fx,
          ),
        ),
  },
  {
    name: 'GET /payments',
    method: 'GET',
    weight: 8,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments',
        'GET',
        queryString(fx, ['limit', 'cursor', 'status', 'externalRef']).map((q) => `${P}${q}`),
        fx,
      ),
  },
  {
    name: 'GET /payments/:id',
    method: 'GET',
    weight: 6,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments/:id',
        'GET',
        fc
          .tuple(hostileId(fx.paymentIds), queryString(fx, ['x']))
          .map(([id, q]) => `${P}/${id}${q}`),
        fx,
      ),
  },
  {
    name: 'POST /payments/:id/cancel',
    method: 'POST',
    weight: 6,
    arbitrary: (fx) =>
      noBodyCase(
        'POST /payments/:id/cancel',
        'POST',
        hostileId(fx.paymentIds).map((id) => `${P}/${id}/cancel`),
        fx,
      ),
  },
  {
    name: 'POST /sandbox/payments/:id/status',
    method: 'POST',
    weight: 8,
    arbitrary: (fx) =>
      fc
        .tuple(hostileId(fx.paymentIds), fc.constantFrom('PROCESSING', 'PAID', 'FAILED'))
        .chain(([id, status]) =>
          bodyCase(
            'POST /sandbox/payments/:id/status',
            'POST',
            fc.constant(`/api/v1/sandbox/payments/${id}/status`),
            { status, failureReason: 'beneficiary account closed' },
            fx,
          ),
        ),
  },
  {
    name: 'POST /payments/subscribe',
    method: 'POST',
    weight: 10,
    arbitrary: (fx) =>
      fc.constantFrom(24, 32, 64).chain((n) =>
        bodyCase(
          'POST /payments/subscribe',
          'POST',
          fc.constant(`${P}/subscribe`),
          {
            callbackUrl: 'http://127.0.0.1:9/hooks',
            eventTypes: ['payment.created', 'payment.paid'],
            secret: secretOf(n),
          },
          fx,
        ),
      ),
  },
  {
    name: 'GET /payments/subscriptions',
    method: 'GET',
    weight: 6,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments/subscriptions',
        'GET',
        queryString(fx, ['limit', 'cursor']).map((q) => `${SUBS}${q}`),
        fx,
      ),
  },
  {
    name: 'GET /payments/subscriptions/:id',
    method: 'GET',
    weight: 5,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments/subscriptions/:id',
        'GET',
        hostileId(fx.subscriptionIds).map((id) => `${SUBS}/${id}`),
        fx,
      ),
  },
  {
    name: 'DELETE /payments/subscriptions/:id',
    method: 'DELETE',
    weight: 5,
    arbitrary: (fx) =>
      noBodyCase(
        'DELETE /payments/subscriptions/:id',
        'DELETE',
        hostileId(fx.subscriptionIds).map((id) => `${SUBS}/${id}`),
        fx,
      ),
  },
  {
    name: 'GET /payments/subscriptions/:id/deliveries',
    method: 'GET',
    weight: 7,
    arbitrary: (fx) =>
      noBodyCase(
        'GET /payments/subscriptions/:id/deliveries',
        'GET',
        fc
          .tuple(hostileId(fx.subscriptionIds), queryString(fx, ['limit', 'cursor', 'status']))
          .map(([id, q]) => `${SUBS}/${id}/deliveries${q}`),
        fx,
      ),
  },
  {
    name: 'POST /payments/subscriptions/:id/deliveries/:deliveryId/retry',
    method: 'POST',
    weight: 6,
    arbitrary: (fx) =>
      noBodyCase(
        'POST /payments/subscriptions/:id/deliveries/:deliveryId/retry',
        'POST',
        fc
          .oneof(
            fc.constantFrom(...fx.deliveries).map((d) => [d.subscriptionId, d.deliveryId] as const),
            fc.tuple(
              hostileId(fx.subscriptionIds),
              hostileId(fx.deliveries.map((d) => d.deliveryId)),
            ),
          )
          .map(([s, d]) => `${SUBS}/${s}/deliveries/${d}/retry`),
        fx,
      ),
  },
  {
    name: 'POST /admin/accounts',
    method: 'POST',
    weight: 7,
    arbitrary: (fx) =>
      bodyCase(
        'POST /admin/accounts',
        'POST',
        fc.constant('/api/v1/admin/accounts'),
        { name: 'Acme' },
        fx,
        HOSTILE_ADMIN_KEY,
      ),
  },
  {
    name: 'any route: headers only',
    method: 'GET',
    weight: 2,
    arbitrary: (fx) =>
      fc
        .record({
          path: fc.constantFrom(
            `${P}/quote`,
            P,
            `${P}/${fx.paymentIds[0]}`,
            SUBS,
            `${SUBS}/${fx.subscriptionIds[0]}/deliveries`,
            '/api/v1/admin/accounts',
            '/api/v1/nope',
            '/health/ready',
            '/metrics',
          ),
          method: fc.constantFrom('GET', 'POST', 'DELETE'),
          headers: fc.dictionary(
            fc.constantFrom(
              'authorization',
              'apikey',
              'accountid',
              'content-type',
              'content-length',
              'transfer-encoding',
              'x-request-id',
              'accept',
              'content-encoding',
              'expect',
              'range',
              'if-none-match',
            ),
            printable(60),
            { maxKeys: 4 },
          ),
        })
        .map(({ path, method, headers }) => {
          // A content-length that disagrees with the body is a framing error the client library refuses to send.
          const { 'content-length': _cl, 'transfer-encoding': _te, expect: _ex, ...rest } = headers;
          return {
            endpoint: 'any route: headers only',
            method,
            path,
            headers: rest,
            body: method === 'GET' ? undefined : '{}',
          };
        }),
  },
];

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/** An http receiver that answers 200 (for the fixture deliveries) or 500. */
async function startReceiver(status: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, server };
}

async function setupFixtures(databaseUrl: string): Promise<Fixtures> {
  // A first app with its schedulers on turns payments into deliveries; the fuzzed app then runs
  // on the same database with schedulers off, so that only requests can change a row.
  const ok = await startReceiver(200);
  const failing = await startReceiver(500);
  const setup = await createTestApp(
    {
      RATE_LIMIT_PER_MINUTE: '0',
      ADMIN_API_KEY: HOSTILE_ADMIN_KEY,
      OUTBOX_POLL_INTERVAL_MS: '20',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      WEBHOOK_RETRY_BASE_MS: '3600000',
    },
    databaseUrl,
  );
  try {
    const base = await listen(setup);
    const call = async (method: string, path: string, body?: unknown, key = DEMO_KEY) => {
      const res = await rawRequest(base, {
        method,
        path,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status >= 300)
        throw new Error(`fixture ${method} ${path}: ${res.status} ${res.text}`);
      return res.body as Record<string, unknown>;
    };
    const other = await call(
      'POST',
      '/api/v1/admin/accounts',
      { name: 'Other' },
      HOSTILE_ADMIN_KEY,
    );
    const subscriptionIds: string[] = [];
    for (const url of [ok.url, failing.url, ok.url, failing.url])
      subscriptionIds.push(
        (await call('POST', `${P}/subscribe`, { callbackUrl: url })).id as string,
      );
    const quote = async () =>
      (await call('POST', `${P}/quote`, { currency: 'USD', country: 'US' })).id as string;
    const paymentIds: string[] = [];
    const externalRefs: string[] = [];
    for (let i = 0; i < 8; i++) {
      const ref = `fixture-${i}`;
      const res = await call('POST', P, {
        payments: [
          {
            quoteId: await quote(),
            externalRef: ref,
            amount: '100.00',
            beneficiary: {
              name: 'Asha Rao',
              accountNumber: '50100012345678',
              bankCode: '021000021',
            },
            reference: 'Invoice 8812',
            purpose: 'SUPPLIER_PAYMENT',
            metadata: { orderId: '8812' },
          },
        ],
      });
      paymentIds.push((res.results as { payment: { id: string } }[])[0].payment.id);
      externalRefs.push(ref);
    }
    const quoteIds = [await quote(), await quote(), await quote()];
    // Wait until every delivery has had its first attempt (DELIVERED, or PENDING after a 500).
    let deliveries: { subscriptionId: string; deliveryId: string }[] = [];
    for (let waited = 0; ; waited += 50) {
      deliveries = [];
      let attempted = 0;
      for (const s of subscriptionIds) {
        const page = (await call('GET', `${SUBS}/${s}/deliveries?limit=100`)).data as {
          id: string;
          attempts: unknown[];
        }[];
        for (const d of page) {
          deliveries.push({ subscriptionId: s, deliveryId: d.id });
          if (d.attempts.length > 0) attempted++;
        }
      }
      if (
        deliveries.length === subscriptionIds.length * paymentIds.length &&
        attempted === deliveries.length
      )
        break;
      if (waited > 15_000)
        throw new Error(`fixture deliveries not attempted: ${attempted}/${deliveries.length}`);
      await sleep(50);
    }
    const paymentsCursor = ((await call('GET', `${P}?limit=2`)).nextCursor as string) ?? 'x';
    const subscriptionsCursor =
      ((await call('GET', `${SUBS}?limit=1`)).nextCursor as string) ?? 'x';
    return {
      paymentIds,
      quoteIds,
      subscriptionIds,
      deliveries,
      externalRefs,
      paymentsCursor,
      subscriptionsCursor,
      otherKey: other.apiKey as string,
    };
  } finally {
    await setup.close();
    ok.server.close();
    failing.server.close();
  }
}

/** A guess at what in a request made the server fail, so that one run sorts its 5xx by cause. */
function likelyCause(c: Case, body?: string): string {
  const causes: string[] = [];
  const encoding = c.headers['content-encoding'];
  if (body !== undefined && encoding && !/^identity$/i.test(encoding))
    causes.push(`content-encoding ${encoding}`);
  if (body && /(\[\s*){500}|(\{"a":){500}/.test(body)) causes.push('deep nesting');
  if (body?.includes('\\u0000') || body?.includes('\u0000') || /%00/.test(c.path))
    causes.push('NUL character');
  if (
    body &&
    /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\\ud[c-f][0-9a-f]{2}/i.test(
      body,
    )
  )
    causes.push('lone surrogate');
  return causes.join(' + ') || 'other';
}

interface EndpointStats {
  cases: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  maxMs: number;
}

interface Violation {
  endpoint: string;
  kind: string;
  request: string;
  answer: string;
}

const describeCase = (c: Case, body?: string) =>
  `${c.method} ${c.path.slice(0, 300)} headers=${JSON.stringify(c.headers).slice(0, 300)} body=${JSON.stringify((body ?? c.body)?.slice(0, 300))}${c.chunked ? ' (chunked)' : ''}`;

/** Defines the hostile-input test: `totalCases` spread over the endpoints by weight. */
export function hostileInputSuite(totalCases: number): void {
  describe(`hostile input: ${totalCases} property-based cases over every endpoint`, () => {
    let t: TestApp;
    let db: Client;
    let base: string;
    let fx: Fixtures;

    beforeAll(async () => {
      const url = await createTestDatabase();
      fx = await setupFixtures(url);
      t = await createTestApp(
        { RATE_LIMIT_PER_MINUTE: '0', SCHEDULERS: 'false', ADMIN_API_KEY: HOSTILE_ADMIN_KEY },
        url,
      );
      base = await listen(t);
      db = await connect(url);
    }, 60_000);
    afterAll(async () => {
      await db?.end();
      await t?.close();
    });

    it(
      'no 5xx, every error is problem+json with its status and a string code, rejected requests change nothing, no prototype pollution',
      async () => {
        const seed = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);
        const weights = ENDPOINTS.reduce((s, e) => s + e.weight, 0);
        const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
        const violations: Violation[] = [];
        const perEndpoint: Record<
          string,
          {
            cases: number;
            statuses: Record<string, number>;
            codes: Record<string, number>;
            maxMs: number;
          }
        > = {};
        let totalRun = 0;
        let acceptedThatWrote = 0;
        const started = Date.now();
        const state = new StateWatcher(db);

        const createQuote = async () => {
          const res = await rawRequest(base, {
            method: 'POST',
            path: `${P}/quote`,
            headers: { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' },
            body: '{"currency":"USD","country":"US"}',
          });
          return (res.body as { id: string }).id;
        };

        for (const [index, endpoint] of ENDPOINTS.entries()) {
          const numRuns = Math.max(1, Math.round((totalCases * endpoint.weight) / weights));
          const stats: EndpointStats = { cases: 0, statuses: {}, codes: {}, maxMs: 0 };
          perEndpoint[endpoint.name] = stats;
          await fc.assert(
            fc.asyncProperty(endpoint.arbitrary(fx), async (c) => {
              let body = c.body;
              if (body?.includes(FRESH_QUOTE))
                body = body.split(FRESH_QUOTE).join(await createQuote());
              const before = await state.current();
              let res: RawResponse;
              try {
                res = await rawRequest(base, {
                  method: c.method,
                  path: c.path,
                  headers: c.headers,
                  body,
                  chunked: c.chunked,
                  timeoutMs: 15_000,
                });
              } catch (error) {
                violations.push({
                  endpoint: endpoint.name,
                  kind: `no answer: ${(error as Error).message.slice(0, 100)}`,
                  request: describeCase(c, body),
                  answer: '-',
                });
                return true;
              }
              const after = await state.current();
              stats.cases++;
              totalRun++;
              stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
              const code = (res.body as { code?: unknown } | undefined)?.code;
              if (res.status >= 300)
                stats.codes[`${res.status} ${String(code)}`] =
                  (stats.codes[`${res.status} ${String(code)}`] ?? 0) + 1;
              stats.maxMs = Math.max(stats.maxMs, Math.round(res.durationMs));
              const push = (kind: string) =>
                violations.push({
                  endpoint: endpoint.name,
                  kind,
                  request: describeCase(c, body),
                  answer: `${res.status} ${res.headers['content-type'] ?? ''} ${res.text.slice(0, 300)}`,
                });

              if (res.status >= 500)
                push(`${res.status} ${String(code)} [likely cause: ${likelyCause(c, body)}]`);
              else if (res.status >= 400) {
                const defect = problemDefect(res);
                if (defect)
                  push(
                    `not problem+json: ${res.status} ${String(res.headers['content-type']).split(';')[0]}`,
                  );
              } else if (res.status >= 300) push(`unexpected ${res.status}`);
              if (res.durationMs > SLOW_ANSWER_MS)
                push(`slow answer (${Math.round(res.durationMs)} ms)`);
              const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
              if (changed.length > 0 && res.status < 300) acceptedThatWrote++;
              if (changed.length > 0 && (res.status >= 300 || c.method === 'GET'))
                push(`state changed by a ${res.status} ${c.method}: ${changed.join(',')}`);
              if (
                Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== protoKeys ||
                ({} as Record<string, unknown>).polluted !== undefined
              ) {
                push('Object.prototype polluted');
                delete (Object.prototype as Record<string, unknown>).polluted;
              }
              return true;
            }),
            { numRuns, seed: seed + index, endOnFailure: true },
          );
        }

        const elapsedMs = Date.now() - started;
        const byKind = new Map<string, Violation[]>();
        for (const v of violations) {
          const key = `${v.endpoint} | ${v.kind}`;
          byKind.set(key, [...(byKind.get(key) ?? []), v]);
        }
        report('hostile input', {
          seed,
          totalCases: totalRun,
          elapsedMs,
          acceptedThatWrote,
          violations: violations.length,
          statuses: tally(
            Object.values(perEndpoint).flatMap((s) =>
              Object.entries(s.statuses).flatMap(([k, n]) => Array<string>(n).fill(k)),
            ),
          ),
        });
        for (const [name, s] of Object.entries(perEndpoint))
          report(`hostile input: ${name}`, {
            cases: s.cases,
            statuses: s.statuses,
            maxMs: s.maxMs,
            codes: s.codes,
          });
        for (const [key, list] of byKind)
          report(`hostile input VIOLATION ${key}`, {
            count: list.length,
            examples: list.slice(0, 2).map((v) => ({ request: v.request, answer: v.answer })),
          });

        expect(totalRun).toBeGreaterThanOrEqual(totalCases * 0.95);
        // The state check can see writes: the accepted creates it watched did change rows.
        expect(acceptedThatWrote).toBeGreaterThan(0);
        expect(
          [...byKind.entries()].map(
            ([key, list]) => `${key} (x${list.length}): ${list[0].request} -> ${list[0].answer}`,
          ),
        ).toEqual([]);
      },
      Math.max(60_000, totalCases * 120),
    );
  });
}
