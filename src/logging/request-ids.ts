import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

type WithId = IncomingMessage & { id?: string | number | object };

/** Reuses a sane caller-supplied x-request-id, or makes one; either way it is echoed back. */
export function requestId(req: WithId, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('x-request-id', id);
  return id;
}

/** Probes and metrics: polled several times a second per instance, they log nothing per request. */
export const isOperationsPath = (url: string | undefined): boolean =>
  url?.startsWith('/health') === true || url === '/metrics';

/**
 * Gives every request its id before anything else runs, so that even answers given before routing
 * (a malformed body) carry it. When no request line is ever written (levels above info), it also
 * gives each API request its logger: the root's child with that id, so a line the request logs
 * (an error) names it. pino-http would make two children per request and serialize the request
 * into them (about 30 µs) for lines that are never written.
 */
export class RequestIds {
  constructor(private readonly requestLogger?: Logger) {}

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const id = requestId(req, res);
    if (this.requestLogger && !isOperationsPath(req.url)) {
      (req as Request & { log: Logger }).log = this.requestLogger.child({ reqId: id });
    }
    next();
  };
}
