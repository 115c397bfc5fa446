/**
 * One generated request for an endpoint: its path (with a little noise), method, auth and other
 * headers, and a body (hostile JSON, raw junk, or none) sent plainly or chunked.
 */
import fc from 'fast-check';
import { DEMO_KEY } from '../../support/test-app';
import type { Case, Fixtures, Json } from './hostile-case-types';
import { hostileDocument, rawBody } from './hostile-documents';
import { authHeaders, contentType, extraHeaders, methodNoise, pathNoise } from './hostile-requests';

export function bodyCase(
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

export function noBodyCase(
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
