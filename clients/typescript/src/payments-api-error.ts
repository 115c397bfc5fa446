import type { FieldError, Problem } from './models';

/**
 * An answer that is not a success, as a typed exception. The service always answers errors with
 * application/problem+json; anything else (a proxy's plain-text 502, say) still becomes one of
 * these, with the code `unexpected-response`, so callers handle a single error type.
 */
export class PaymentsApiError extends Error {
  override readonly name = 'PaymentsApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[],
    /** The `x-request-id` of the answer: quote it when asking for support. */
    readonly requestId: string | null,
    readonly problem: Problem | null,
  ) {
    super(message);
  }

  static fromResponse(response: Response, body: unknown): PaymentsApiError {
    const requestId = response.headers.get('x-request-id');
    if (isProblem(body)) {
      return new PaymentsApiError(
        response.status,
        body.code,
        body.detail,
        body.errors ?? [],
        requestId,
        body,
      );
    }
    const message = `HTTP ${response.status} without a problem+json body`;
    return new PaymentsApiError(
      response.status,
      'unexpected-response',
      message,
      [],
      requestId,
      null,
    );
  }
}

function isProblem(body: unknown): body is Problem {
  if (body === null || typeof body !== 'object') return false;
  const { code, detail, status } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof detail === 'string' && typeof status === 'number';
}
