import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Marks every object schema a request body reaches (through `$ref`, `items`, `oneOf`/`anyOf`, a
 * lone `allOf` and properties) with `additionalProperties: false`, unless it says otherwise (a free-form
 * map such as `metadata` keeps its own `additionalProperties`).
 *
 * Why here and not per DTO: the refusal is global. The ValidationPipe of configure-app.ts runs with
 * `forbidNonWhitelisted` for every body, nested DTOs included (`@ValidateNested`), and answers 400
 * `unknown-field`; the document states that same rule once, for every body, present and future.
 * Nest's decorators cannot say `additionalProperties: false` on a class.
 */
export function closeRequestSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Json;
  const seen = new Set<unknown>();
  const close = (schema: unknown): void => {
    if (!isObject(schema) || seen.has(schema)) return;
    seen.add(schema);
    if (typeof schema.$ref === 'string') {
      close(schemas[schema.$ref.replace('#/components/schemas/', '')]);
      return;
    }
    if (isObject(schema.properties)) {
      if (schema.additionalProperties === undefined) schema.additionalProperties = false;
      Object.values(schema.properties).forEach(close);
    }
    close(schema.items);
    for (const key of ['oneOf', 'anyOf'] as const) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach(close);
    }
    // A closed part of a real composition would refuse the other parts' properties: only a lone
    // `allOf` wrapper (Nest's way to give a `$ref` a description) is followed.
    if (Array.isArray(schema.allOf) && schema.allOf.length === 1) close(schema.allOf[0]);
  };
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Json)) {
      const body = isObject(operation) ? operation.requestBody : undefined;
      const content = isObject(body) && isObject(body.content) ? body.content : {};
      for (const media of Object.values(content)) close(isObject(media) ? media.schema : undefined);
    }
  }
  return document;
}
