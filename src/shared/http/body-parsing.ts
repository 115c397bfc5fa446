import { json, type NextFunction, type Request, type Response } from 'express';
import { problem, type Problem, PROBLEM_CONTENT_TYPE } from './problem';

export const MAX_BODY_BYTES = 1024 * 1024;

const send = (res: Response, body: Problem) =>
  res
    .status(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...body, instance: res.req.originalUrl.split('?')[0] }));

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** A request that carries a body must say it is JSON: anything else is refused before parsing. */
export function requireJsonContentType(req: Request, res: Response, next: NextFunction): void {
  if (hasBody(req) && !req.is(['application/json', 'application/*+json'])) {
    send(res, problem(415, 'unsupported-media-type', 'Send the body as application/json'));
    return;
  }
  next();
}

export const jsonBodyParser = json({
  limit: MAX_BODY_BYTES,
  strict: true,
  type: ['application/json', 'application/*+json'],
});

/** body-parser reports its failures as errors with a `type`; each becomes its own problem. */
export function bodyParserErrors(
  error: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed')
    return void send(res, problem(400, 'malformed-json', 'The body is not valid JSON'));
  if (type === 'entity.too.large') {
    return void send(
      res,
      problem(413, 'payload-too-large', `The body exceeds ${MAX_BODY_BYTES} bytes`),
    );
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return void send(res, problem(415, 'unsupported-media-type', 'Send the body as UTF-8 JSON'));
  }
  if (
    type === 'request.aborted' ||
    type === 'request.size.invalid' ||
    type === 'stream.encoding.set'
  ) {
    return void send(res, problem(400, 'bad-request', 'The request body could not be read'));
  }
  // Anything else body-parser refuses with a 4xx (e.g. a Content-Encoding the body does not match).
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return void send(
      res,
      problem(
        status,
        status === 415 ? 'unsupported-media-type' : 'malformed-body',
        'The request body could not be decoded',
      ),
    );
  }
  next(error);
}
