/**
 * Validates answer bodies against their schemas in the OpenAPI document, with Ajv. OpenAPI 3.0
 * schemas are JSON Schema draft-04-ish plus a few keywords of their own: `nullable` is Ajv's own
 * OpenAPI extension, `example`, `discriminator`, `xml`, `externalDocs`, `deprecated` are
 * annotations (strict mode off so they are ignored), formats come from ajv-formats.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const DOCUMENT_ID = 'openapi.json';

export class ResponseSchemas {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: object) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    // The whole document under one id: `#/components/schemas/...` refs resolve inside it.
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  }

  /** Human-readable errors of `body` against the schema at `pointer` (`#/paths/...`); [] if valid. */
  errors(pointer: string, body: unknown): string[] {
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      this.compiled.set(pointer, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map(describe);
  }
}

function describe(error: ErrorObject): string {
  const at = error.instancePath || '(body)';
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
      : error.keyword === 'enum'
        ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
        : '';
  return `${at} ${error.message ?? error.keyword}${extra}`;
}
