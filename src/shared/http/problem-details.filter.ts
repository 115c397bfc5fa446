import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type DomainErrorKind } from '../domain/domain-error';
import {
  describeError,
  isDatabaseUnavailable,
  summarizeError,
} from '../infrastructure/database-errors';
import { problem, type Problem, PROBLEM_CONTENT_TYPE, ProblemException } from './problem';

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  503: 'service-unavailable',
};

/** A failed readiness check (terminus): 503 `not-ready` naming each failing check. */
function healthReport(exception: HttpException): Problem | undefined {
  const report = exception.getResponse() as {
    error?: Record<string, unknown>;
    details?: Record<string, unknown>;
  };
  if (exception.getStatus() !== 503 || typeof report !== 'object' || !report.details)
    return undefined;
  const failing = Object.keys(report.error ?? {});
  return problem(503, 'not-ready', `not ready: ${failing.join(', ') || 'unknown'}`, {
    checks: report.details,
  });
}

/**
 * Turns every error into `application/problem+json` with a stable `code`. Client mistakes keep
 * their status; anything unexpected is a 500 that reveals nothing (no stack, no SQL) and is logged.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { body, headers } = this.toProblem(exception);
    body.instance = request.originalUrl?.split('?')[0];
    if (response.headersSent) return;
    // A Retry-After set by the rate limiter is more precise than our default.
    if (response.getHeader('retry-after') !== undefined) delete headers['retry-after'];
    response
      .status(body.status)
      .set({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE })
      .send(JSON.stringify(body));
  }

  toProblem(exception: unknown): { body: Problem; headers: Record<string, string> } {
    if (exception instanceof ProblemException)
      return { body: { ...exception.problem }, headers: exception.headers };
    if (exception instanceof DomainError) {
      const errors = exception.fieldErrors ? { errors: [...exception.fieldErrors] } : {};
      const title =
        exception.code === 'validation-failed' ? { title: 'Request validation failed' } : {};
      return {
        body: problem(STATUS_OF[exception.kind], exception.code, exception.message, {
          ...errors,
          ...title,
        }),
        headers: {},
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const health = healthReport(exception);
      if (health) return { body: health, headers: {} };
      const detail = status === 404 ? 'No such route' : this.httpDetail(exception);
      const headers: Record<string, string> = status === 429 ? { 'retry-after': '60' } : {};
      return { body: problem(status, CODE_OF_STATUS[status] ?? 'error', detail), headers };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${summarizeError(exception)}`);
      return {
        body: problem(
          503,
          'service-unavailable',
          'The service is temporarily unavailable, retry later',
        ),
        headers: { 'retry-after': '1' },
      };
    }
    this.logger.error(describeError(exception));
    return { body: problem(500, 'internal-error', 'An unexpected error occurred'), headers: {} };
  }

  private httpDetail(exception: HttpException): string {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    return Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : exception.message;
  }
}
