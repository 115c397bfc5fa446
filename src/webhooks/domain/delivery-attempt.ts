import { newId } from '../../shared/domain';

/** What one HTTP attempt gave. */
export interface AttemptResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** How long the receiver asked to wait (a Retry-After on a 429 or 503), in ms. */
  retryAfterMs?: number;
}

/** The longest error text an attempt keeps. */
export const ATTEMPT_ERROR_MAX = 500;

/** One HTTP attempt of a delivery, as its log shows it. Mapped as it is by the ORM. */
export class DeliveryAttempt {
  readonly id: string = newId();
  readonly statusCode: number | null;
  /** Whole milliseconds. */
  readonly durationMs: number;
  readonly error: string | null;

  private constructor(
    readonly deliveryId: string,
    readonly attemptedAt: Date,
    result: AttemptResult,
  ) {
    this.statusCode = result.statusCode;
    this.durationMs = Math.round(result.durationMs);
    this.error = result.error?.slice(0, ATTEMPT_ERROR_MAX) ?? null;
  }

  /** The log entry of an attempt that started at `attemptedAt` and gave `result`. */
  static of(deliveryId: string, attemptedAt: Date, result: AttemptResult): DeliveryAttempt {
    return new DeliveryAttempt(deliveryId, attemptedAt, result);
  }

  toView() {
    return {
      attemptedAt: this.attemptedAt.toISOString(),
      statusCode: this.statusCode,
      durationMs: this.durationMs,
      error: this.error,
    };
  }
}

export type DeliveryAttemptView = ReturnType<DeliveryAttempt['toView']>;
