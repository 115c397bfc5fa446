/**
 * The document says `additionalProperties: false` on every object a request body reaches
 * (closed-request-schemas.ts). This holds it to that: for every operation with a JSON body, a body
 * with an unknown field in each closed object is refused with 400 `unknown-field` naming each one.
 * Read from docs/openapi.json, so new operations are covered as they appear.
 */
import { OpenApiOperations } from '../support/contract/openapi-operations';
import { createTestApp, type TestApp } from '../support/test-app';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const ADMIN_KEY = 'sk_admin_key_for_closed_schema_tests';
const UNKNOWN = 'unknownField';
const ANY_ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

const operations = new OpenApiOperations();
const doc = operations.document;
const schemas = (doc.components as Json).schemas as Json;
const resolve = (s: Json): Json =>
  typeof s.$ref === 'string' ? resolve(schemas[s.$ref.split('/').pop()!] as Json) : s;

/** A body with UNKNOWN in every closed object of `schema`, and the field paths it should name. */
function probe(schema: Json, path: string): { body: unknown; fields: string[] } {
  const s = resolve(schema);
  if (s.type === 'array' && isObject(s.items)) {
    const inner = probe(s.items, `${path}[0]`);
    return { body: [inner.body], fields: inner.fields };
  }
  if (Array.isArray(s.allOf) && s.allOf.length === 1) return probe(s.allOf[0] as Json, path);
  if (!isObject(s.properties) || s.additionalProperties !== false) return { body: {}, fields: [] };
  const body: Json = { [UNKNOWN]: 1 };
  const fields = [path ? `${path}.${UNKNOWN}` : UNKNOWN];
  for (const [name, child] of Object.entries(s.properties)) {
    const inner = probe(child as Json, path ? `${path}.${name}` : name);
    if (inner.fields.length > 0) {
      body[name] = inner.body;
      fields.push(...inner.fields);
    }
  }
  return { body, fields };
}

const cases = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json).flatMap(([method, op]) => {
    const content = ((op as Json).requestBody as Json | undefined)?.content as Json | undefined;
    const media = content?.['application/json'] as Json | undefined;
    if (!media?.schema) return [];
    const admin = JSON.stringify((op as Json).security).includes('admin');
    return [
      {
        name: `${method.toUpperCase()} ${path}`,
        method,
        path,
        admin,
        ...probe(media.schema as Json, ''),
      },
    ];
  }),
);

describe('every closed request schema refuses unknown fields', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { ADMIN_API_KEY: ADMIN_KEY } });
  });
  afterAll(() => t?.close());

  it('covers every operation with a JSON body, each with a closed schema', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases)
      expect({ name: c.name, fields: c.fields.length > 0 }).toEqual({ name: c.name, fields: true });
  });

  it.each(cases)(
    '$name: 400 unknown-field at $fields',
    async ({ method, path, admin, body, fields }) => {
      const url = path.replace(/\{[^}]+\}/g, ANY_ID);
      const req = t.http()[method as 'post'](url);
      if (admin) req.set('Authorization', `Bearer ${ADMIN_KEY}`);
      const res = await req.send(body as object);
      expect(res.status).toBe(400);
      const unknown = (res.body.errors as { field: string; code: string }[])
        .filter((e) => e.code === 'unknown-field')
        .map((e) => e.field)
        .sort();
      expect(unknown).toEqual([...fields].sort());
    },
  );
});
