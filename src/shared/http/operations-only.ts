import type { NextFunction, Request, Response } from 'express';
import { problem, PROBLEM_CONTENT_TYPE } from './problem';

/** What a worker instance still serves over HTTP: its probes and its metrics. */
const OPERATIONS_PATH = /^\/(health|metrics)(\/|$)/;

/**
 * In ROLE=worker every route but /health/* and /metrics answers what an unknown route answers
 * (404 problem+json), so a load balancer that sends API traffic to a worker gets a clear "no".
 */
export function operationsOnly(req: Request, res: Response, next: NextFunction): void {
  if (OPERATIONS_PATH.test(req.path)) return next();
  const body = problem(404, 'not-found', 'No such route', { instance: req.path });
  res.status(404).set('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
