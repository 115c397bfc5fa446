import type { RetryPolicy } from './retry-policy';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED' | 'CANCELLED';

/** What one HTTP attempt gave. */
export interface AttemptResult {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** How long the receiver asked to wait (a Retry-After on a 429 or 503), in ms. */
  retryAfterMs?: number;
}

/** The next state of a delivery after an attempt. */
export interface DeliveryProgress {
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
}

/** Only an HTTP 200 that arrived whole counts as delivered: any other status, a redirect included, is a failure. */
export const isDelivered = (result: AttemptResult): boolean =>
  result.statusCode === 200 && result.error === null;

/** Only 429 and 503 may ask the sender to wait longer. */
export const mayAskToWait = (statusCode: number | null): boolean =>
  statusCode === 429 || statusCode === 503;

/**
 * Decides what happens after an attempt: delivered, retried later with backoff, or given up
 * once the next attempt would fall outside the retry window of the event.
 */
export function afterAttempt(input: {
  attempts: number;
  eventCreatedAt: Date;
  result: AttemptResult;
  now: Date;
  policy: RetryPolicy;
}): DeliveryProgress {
  const attempts = input.attempts + 1;
  if (isDelivered(input.result)) return { status: 'DELIVERED', attempts, nextAttemptAt: null };
  const nextAttemptAt = input.policy.nextAttemptAt({
    eventCreatedAt: input.eventCreatedAt,
    failedAttempts: attempts,
    now: input.now,
    retryAfterMs: mayAskToWait(input.result.statusCode) ? input.result.retryAfterMs : undefined,
  });
  return nextAttemptAt
    ? { status: 'PENDING', attempts, nextAttemptAt }
    : { status: 'FAILED', attempts, nextAttemptAt: null };
}
