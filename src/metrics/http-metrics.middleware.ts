import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry } from 'prom-client';

/** Request latency by method, route template and status: the route, not the URL, keeps labels few. */
@Injectable()
export class HttpMetrics {
  readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
  }

  /**
   * Plain Express middleware, installed by configureApp after the body checks (as the Nest
   * middleware it replaces was): a Nest one costs every request a router layer, a route match
   * and a proxy around the call, and startTimer copies the labels twice per observation.
   */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const startedAt = performance.now();
    res.once('finish', () => {
      const route = req.route
        ? `${req.baseUrl}${(req.route as { path: string }).path}`
        : 'unmatched';
      this.duration.observe(
        { method: req.method, route, status: String(res.statusCode) },
        (performance.now() - startedAt) / 1000,
      );
    });
    next();
  };
}
