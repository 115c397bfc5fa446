import type { NextFunction, Request, Response } from 'express';
import { type FieldError, problem, PROBLEM_CONTENT_TYPE } from './problem';

/**
 * Keys that can reach an object's prototype. The framework silently deletes them from bodies,
 * which would drop part of a client's data without a word: we refuse them instead.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Far deeper than any valid request; deeper bodies would only feed recursion in the validators. */
export const MAX_BODY_DEPTH = 32;
/** NUL and lone UTF-16 surrogates: PostgreSQL cannot store them in text or jsonb. */
const UNSTORABLE_TEXT =
  // eslint-disable-next-line no-control-regex -- matching NUL is the point
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const pathOf = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

function refusalOfKey(key: string, path: string): FieldError | undefined {
  if (FORBIDDEN_KEYS.has(key))
    return {
      field: path,
      code: 'forbidden-key',
      message: `${path}: the key "${key}" is not allowed`,
    };
  if (UNSTORABLE_TEXT.test(key))
    return {
      field: path,
      code: 'invalid-text',
      message: `${path}: keys must be valid text without NUL`,
    };
  return undefined;
}

/** Walks parsed JSON (or a query) without recursion and lists what no endpoint can accept. */
export function inspectBody(body: unknown, root = ''): FieldError[] {
  const refusals: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: root, depth: 0 },
  ];
  while (stack.length > 0 && refusals.length < 20) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE_TEXT.test(value))
        refusals.push({
          field: path || '(body)',
          code: 'invalid-text',
          message: `${path || 'the body'} must be valid text without NUL characters`,
        });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) {
      refusals.push({
        field: path || '(body)',
        code: 'too-deep',
        message: `the body nests deeper than ${MAX_BODY_DEPTH} levels`,
      });
      break;
    }
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = pathOf(path, key);
      const refusal = typeof key === 'string' ? refusalOfKey(key, childPath) : undefined;
      if (refusal) refusals.push(refusal);
      else stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return refusals;
}

/** Refuses, before any validation or database work, bodies and queries no endpoint could accept. */
export function refuseUnsafeInput(req: Request, res: Response, next: NextFunction): void {
  // Express parses `req.query` anew on every read; without a query string it can only be empty.
  const query = req.originalUrl.includes('?') ? inspectBody(req.query) : [];
  const refusals = req.body === undefined ? query : [...inspectBody(req.body), ...query];
  if (refusals.length === 0) return next();
  const body = problem(400, 'validation-failed', refusals.map((r) => r.message).join('; '), {
    title: 'Request validation failed',
    errors: refusals,
    instance: req.originalUrl.split('?')[0],
  });
  res.status(400).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
