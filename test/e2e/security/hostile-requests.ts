/**
 * Hostile request parts other than the body: Authorization forms, Content-Type and other
 * headers, ids (path traversal, %00, bad percent-encoding, very long), query strings, and a
 * little noise on paths and methods.
 */
import fc from 'fast-check';
import type { Fixtures } from './hostile-case-types';
import { hostileString } from './hostile-values';

export const printable = (max: number) =>
  fc.string({ unit: 'binary-ascii', maxLength: max }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));

export function authHeaders(key: string, otherKey: string): fc.Arbitrary<Record<string, string>> {
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

export const contentType = fc.oneof(
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

export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
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

export function hostileId(real: string[]): fc.Arbitrary<string> {
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

export function queryString(fx: Fixtures, keys: string[]): fc.Arbitrary<string> {
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

export const pathNoise = fc.oneof(
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

export const methodNoise = (method: string) =>
  fc.oneof(
    { arbitrary: fc.constant(method), weight: 25 },
    { arbitrary: fc.constantFrom('PUT', 'PATCH', 'OPTIONS', 'POST', 'GET', 'DELETE'), weight: 1 },
  );
