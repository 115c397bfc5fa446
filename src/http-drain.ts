import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';

/** How long in-flight requests may take to finish once the service is stopping. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Stops an HTTP server without cutting requests short. Keep-alive clients would hold their
 * connections open forever, so once draining every answer says `Connection: close`, idle
 * connections are closed as they appear, and whatever is left after the timeout is cut.
 */
export class HttpDrain {
  private draining = false;

  /** Express middleware: registered before the routes, it marks answers given while draining. */
  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) res.setHeader('connection', 'close');
    next();
  };

  async drain(server: Server): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    const timedOut = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref());
    await Promise.race([closed, timedOut]);
    clearInterval(sweeper);
    server.closeAllConnections();
  }
}
