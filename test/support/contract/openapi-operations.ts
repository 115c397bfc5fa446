/**
 * The operations of docs/openapi.json (the document clients are generated from), and what each
 * documents: which operation a request reaches, and whether an answer is documented for it. Read
 * from the document, never from a list here, so new routes are checked as soon as they exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;

export const DOCUMENT_FILE = join(__dirname, '..', '..', '..', 'docs', 'openapi.json');

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export interface OperationRef {
  method: string;
  /** The path template as the document names it, e.g. `/api/v1/payments/{id}`. */
  path: string;
  /** JSON pointer of the operation in the document. */
  pointer: string;
  responses: Json;
}

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON pointer escaping (RFC 6901). */
export const escapePointer = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** The media type without parameters: `application/json; charset=utf-8` is `application/json`. */
export const mediaType = (contentType: string | undefined) =>
  contentType?.split(';')[0].trim().toLowerCase() || undefined;

export class OpenApiOperations {
  readonly document: Json;
  private readonly operations: (OperationRef & { segments: string[] })[] = [];

  constructor(document: Json = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Json) {
    this.document = document;
    const paths = isObject(document.paths) ? document.paths : {};
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        this.operations.push({
          method,
          path,
          pointer: `#/paths/${escapePointer(path)}/${method}`,
          responses: isObject(op.responses) ? op.responses : {},
          segments: path.split('/'),
        });
      }
    }
    // Literal segments before parameters, as routers and OpenAPI (3.0 "Path Templating") match.
    const literals = (o: { segments: string[] }) => o.segments.filter((s) => !isParam(s)).length;
    this.operations.sort((a, b) => literals(b) - literals(a));
  }

  /** The operation of this method and path template, as the document names it. */
  byTemplate(method: string, path: string): OperationRef | undefined {
    const m = method.toLowerCase();
    return this.operations.find((o) => o.method === m && o.path === path);
  }

  /** The operation a request reaches, the way Express routes it (case-insensitive, one trailing /). */
  match(method: string, url: string): OperationRef | undefined {
    const path = url.split('?')[0].replace(/(.)\/$/, '$1');
    const segments = path.split('/');
    const m = method.toLowerCase();
    return this.operations.find(
      (o) =>
        o.method === m &&
        o.segments.length === segments.length &&
        o.segments.every((s, i) =>
          isParam(s) ? segments[i] !== '' : s.toLowerCase() === segments[i].toLowerCase(),
        ),
    );
  }

  /**
   * What is missing from the document for this answer, or undefined when it is documented: the
   * status (exactly, as `4XX`, or as `default`) and, for an answer with a body, its media type.
   */
  gap(op: OperationRef, status: number, contentType: string | undefined): string | undefined {
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find(
      (k) => op.responses[k] !== undefined,
    );
    if (!key) return `status ${status} is not documented`;
    const type = mediaType(contentType);
    const response = op.responses[key];
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    if (type && !(type in content)) {
      const documented = Object.keys(content).join(', ') || 'no content';
      return `${status} documents ${documented}, not ${type}`;
    }
    return undefined;
  }

  /** JSON pointer of the schema of this answer's body, if the document gives one. */
  schemaPointer(op: OperationRef, status: number, contentType: string | undefined) {
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find(
      (k) => op.responses[k] !== undefined,
    );
    const type = mediaType(contentType);
    if (!key || !type) return undefined;
    const response = op.responses[key];
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    const media = content[type];
    if (!isObject(media) || !isObject(media.schema)) return undefined;
    return `${op.pointer}/responses/${key}/content/${escapePointer(type)}/schema`;
  }
}

const isParam = (segment: string) => /^\{[^}]+\}$/.test(segment);
