import { inspectBody, MAX_BODY_DEPTH } from './body-shape';

const fields = (body: unknown) => inspectBody(body).map((r) => `${r.field}:${r.code}`);

describe('inspectBody', () => {
  it('accepts ordinary JSON', () => {
    expect(inspectBody({ payments: [{ metadata: { a: 'é😀' } }], atomic: false })).toEqual([]);
  });

  it('refuses keys that reach a prototype, naming their path', () => {
    const body = JSON.parse(
      '{"payments":[{"metadata":{"__proto__":"x","constructor":"y"}}],"prototype":1}',
    ) as unknown;
    expect(fields(body).sort()).toEqual([
      'payments[0].metadata.__proto__:forbidden-key',
      'payments[0].metadata.constructor:forbidden-key',
      'prototype:forbidden-key',
    ]);
  });

  it('refuses text PostgreSQL cannot store: NUL and lone surrogates, in values and keys', () => {
    expect(fields({ name: 'a\u0000b' })).toEqual(['name:invalid-text']);
    expect(fields({ purpose: 'x\uD800' })).toEqual(['purpose:invalid-text']);
    expect(fields({ m: { ['k\u0000']: 'v' } })).toEqual(['m.k\u0000:invalid-text']);
    expect(fields({ ok: '\uD83D\uDE00' })).toEqual([]);
  });

  it(`refuses bodies nested deeper than ${MAX_BODY_DEPTH} levels without recursing`, () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(fields(deep)).toEqual([expect.stringMatching(/too-deep$/)]);
  });
});
