import type { NextFunction, Request, Response } from 'express';
import { bodyParserErrors, jsonBodyParser, requireJsonContentType } from './body-parsing';
import { refuseUnsafeInput } from './body-shape';

/** No framing header at all: the request cannot carry a body (body-parser's own test, type-is). */
const framesNoBody = (req: Request) =>
  req.headers['transfer-encoding'] === undefined && req.headers['content-length'] === undefined;

/**
 * Content type, JSON parsing, parser errors and the body/query shape check as ONE middleware.
 * As four router layers they cost every request four dispatches even when, as for most GETs,
 * there is no body to look at; a request without framing headers goes straight to the shape check
 * (which skips an absent query string), anything else takes exactly the path it always took.
 */
export function readRequestInput(req: Request, res: Response, next: NextFunction): void {
  if (framesNoBody(req)) {
    // What body-parser leaves on a request it skips.
    if (!Reflect.has(req, 'body')) req.body = undefined;
    return refuseUnsafeInput(req, res, next);
  }
  requireJsonContentType(req, res, () =>
    jsonBodyParser(req, res, (error?: unknown) => {
      if (error) return bodyParserErrors(error, req, res, next);
      try {
        refuseUnsafeInput(req, res, next);
      } catch (thrown) {
        next(thrown);
      }
    }),
  );
}
