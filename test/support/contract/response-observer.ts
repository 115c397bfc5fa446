/**
 * Watches every answer a test app's HTTP server sends, whoever the client is (supertest, raw
 * http, fetch, a generated client): the server is the one place every request passes.
 *   - each answer to a documented operation is recorded as (method, route template, status,
 *     content type), deduplicated, for the run's check that every status seen is documented
 *     (contract-report.ts, in globalTeardown);
 *   - each JSON body with a documented schema is validated against it at once; a mismatch is a
 *     violation that fails the test that is running (contract-hooks.ts, afterEach).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { mediaType, OpenApiOperations } from './openapi-operations';
import { ResponseSchemas } from './response-schemas';

export interface ResponseRecord {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
}

/** Bodies beyond this are not kept for validation (no answer of the API comes close). */
const MAX_CAPTURED_BYTES = 4 * 1024 * 1024;
const isJson = (type: string | undefined) =>
  type === 'application/json' || (type?.endsWith('+json') ?? false);

interface ContractState {
  operations?: OpenApiOperations;
  schemas?: ResponseSchemas;
  records: Map<string, ResponseRecord>;
  unmatched: Map<string, number>;
  violations: string[];
}

/** One state per test file (Jest gives each file its own globals), shared by the hooks. */
export function contractState(): ContractState {
  const g = globalThis as { __contractState?: ContractState };
  g.__contractState ??= { records: new Map(), unmatched: new Map(), violations: [] };
  return g.__contractState;
}

function check(
  method: string,
  url: string,
  status: number,
  contentType: string | undefined,
  body: Buffer | undefined,
): void {
  const state = contractState();
  state.operations ??= new OpenApiOperations();
  const op = state.operations.match(method, url);
  if (!op) {
    const key = `${method} ${url.split('?')[0].slice(0, 120)} -> ${status}`;
    state.unmatched.set(key, (state.unmatched.get(key) ?? 0) + 1);
    return;
  }
  const type = mediaType(contentType);
  const record: ResponseRecord = {
    method: op.method.toUpperCase(),
    path: op.path,
    status,
    contentType: type ?? null,
  };
  state.records.set(JSON.stringify(record), record);
  const pointer = state.operations.schemaPointer(op, status, contentType);
  if (!pointer || !isJson(type) || body === undefined) return;
  const where = `${record.method} ${url.split('?')[0]} -> ${status} ${type} (${op.path})`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    state.violations.push(`${where}: the body is not JSON`);
    return;
  }
  state.schemas ??= new ResponseSchemas(state.operations.document);
  const errors = state.schemas.errors(pointer, parsed);
  if (errors.length > 0) {
    state.violations.push(
      `${where}: the body does not match its schema in docs/openapi.json (${pointer}):\n    ${errors.slice(0, 10).join('\n    ')}`,
    );
  }
}

function observe(req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(
          chunk as string,
          typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
        );
    size += buffer.length;
    if (size > MAX_CAPTURED_BYTES) overflow = true;
    else chunks.push(buffer);
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    try {
      const contentType = res.getHeader('content-type');
      const body = overflow || method === 'HEAD' ? undefined : Buffer.concat(chunks);
      check(
        method,
        url,
        res.statusCode,
        contentType === undefined ? undefined : String(contentType),
        body,
      );
    } catch (error) {
      contractState().violations.push(
        `${method} ${url}: the contract check failed: ${String(error)}`,
      );
    }
    return end(...args);
  }) as ServerResponse['end'];
}

/** Hooks the server before its own request handler, so that every answer goes through `observe`. */
export function observeResponses(server: Server): void {
  server.prependListener('request', observe);
}
