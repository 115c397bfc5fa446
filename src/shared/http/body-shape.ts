import type { NextFunction, Request, Response } from 'express';
import { problem, PROBLEM_CONTENT_TYPE, type FieldError } from './problem';

/**
 * Keys that can reach an object's prototype. The framework silently deletes them from bodies,
 * which would drop part of a client's data without a word: we refuse them instead.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Far deeper than any valid request; deeper bodies would only feed recursion in the validators. */
export const MAX_BODY_DEPTH = 32;

const pathOf = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** Walks a parsed JSON body without recursion and lists what it refuses. */
export function inspectBody(body: unknown): FieldError[] {
  const refusals: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  while (stack.length > 0 && refusals.length < 20) {
    const { value, path, depth } = stack.pop()!;
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
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        refusals.push({
          field: childPath,
          code: 'forbidden-key',
          message: `${childPath}: the key "${key}" is not allowed`,
        });
      } else {
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return refusals;
}

export function refuseUnsafeBodies(req: Request, res: Response, next: NextFunction): void {
  const refusals = inspectBody(req.body);
  if (refusals.length === 0) return next();
  const body = problem(400, 'validation-failed', refusals.map((r) => r.message).join('; '), {
    title: 'Request validation failed',
    errors: refusals,
    instance: req.originalUrl.split('?')[0],
  });
  res.status(400).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
