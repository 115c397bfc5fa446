/**
 * JSON documents for request bodies: a valid template as is, mutated (keys added, values
 * replaced, entries deleted), wrapped, or replaced by arbitrary JSON; and raw bodies that are not
 * (or not only) JSON. Every generated document is a tree: no object reachable twice, so none
 * contains itself (test/e2e/security/hostile-documents.e2e-spec.ts checks it).
 */
import fc from 'fast-check';
import type { Json } from './hostile-case-types';
import { hostileKey, hostileValue } from './hostile-values';

/** Sets an own property, even `__proto__` (a plain assignment would change the prototype instead). */
function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * A deep copy (own `__proto__` keys stay own keys). Every value put into a document is copied:
 * arbitraries hand out one instance to many draws (fc.constantFrom's [] and {}, a value replayed
 * while shrinking), and inserting it twice, or setting a key on an inserted one, made documents
 * that shared objects or contained themselves (JSON.stringify then threw "circular structure").
 */
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
        if (isContainer(target) && !Array.isArray(target)) setOwn(target, key, clone(value));
        return doc;
      }),
  ];
  if (paths.length > 0) {
    arbs.push(
      fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => (doc: Json) => {
        const parent = at(doc, path.slice(0, -1));
        if (isContainer(parent)) setOwn(parent, String(path[path.length - 1]), clone(value));
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
export function hostileDocument(template: Json): fc.Arbitrary<Json> {
  return fc.oneof(
    { arbitrary: fc.constant(template).map(clone), weight: 1 },
    {
      arbitrary: fc
        .array(mutationsFor(template), { minLength: 1, maxLength: 3 })
        .map((ms) => ms.reduce((doc, m) => m(doc), clone(template))),
      weight: 6,
    },
    { arbitrary: fc.jsonValue() as fc.Arbitrary<Json>, weight: 2 },
    { arbitrary: fc.constant(template).map((t): Json => [clone(t)]), weight: 1 },
  );
}

const nest = (depth: number, open: string, close: string, inner = '1') =>
  open.repeat(depth) + inner + close.repeat(depth);

/** Bodies that are not (or not only) JSON. */
export function rawBody(template: Json): fc.Arbitrary<string> {
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
