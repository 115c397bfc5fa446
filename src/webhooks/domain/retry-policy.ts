export interface RetryPolicyOptions {
  /** Wait before the first retry; the n-th retry waits about baseMs × 2^(n-1). */
  baseMs: number;
  /** No single wait exceeds this, jitter included. */
  maxDelayMs: number;
  /** Attempts stop once the next one would fall later than this after the event. */
  windowMs: number;
}

export interface NextAttemptInput {
  eventCreatedAt: Date;
  /** Attempts made so far (the first delivery included), at least 1. */
  failedAttempts: number;
  now: Date;
  /** A receiver's Retry-After (see parseRetryAfter), as a delay from `now`. */
  retryAfterMs?: number;
}

/**
 * Spread of each wait around its nominal value: ±20%. Symmetric jitter keeps the documented
 * "about base × 2^(n-1)" true on average while still de-synchronising the retries of many
 * deliveries that failed together (a receiver outage), so they do not return as one wave.
 */
export const RETRY_JITTER = 0.2;

/** Exponential backoff with jitter inside a fixed window after the event (see API.md). */
export class RetryPolicy {
  constructor(
    private readonly options: RetryPolicyOptions,
    private readonly random: () => number = Math.random,
  ) {
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isFinite(value) || value <= 0) {
        throw new RangeError(`RetryPolicy ${name} must be a positive number, not ${value}`);
      }
    }
  }

  /** When to try again, or null when that would fall outside the window (the delivery FAILED). */
  nextAttemptAt({
    eventCreatedAt,
    failedAttempts,
    now,
    retryAfterMs,
  }: NextAttemptInput): Date | null {
    if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
      throw new RangeError(`failedAttempts must be an integer >= 1, not ${failedAttempts}`);
    }
    // Retry-After may only push the attempt later: an impatient receiver must not be able to
    // make us hammer it (or others sharing its failure) faster than the backoff allows.
    const delayMs = Math.max(this.backoffMs(failedAttempts), retryAfterMs ?? 0);
    const at = now.getTime() + delayMs;
    return at > eventCreatedAt.getTime() + this.options.windowMs ? null : new Date(at);
  }

  private backoffMs(retry: number): number {
    const { baseMs, maxDelayMs } = this.options;
    // Beyond 2^52 the cap has long been reached; bounding the exponent keeps the product finite.
    const nominal = Math.min(maxDelayMs, baseMs * 2 ** Math.min(retry - 1, 52));
    const factor = 1 - RETRY_JITTER + 2 * RETRY_JITTER * this.random();
    return Math.round(Math.min(maxDelayMs, nominal * factor));
  }
}

const DELTA_SECONDS = /^\d+$/;
// The three HTTP-date forms of RFC 9110 §5.6.7: IMF-fixdate, obsolete RFC 850 and asctime.
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_850 = /^[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * A Retry-After header (RFC 9110 §10.2.3) as a delay in ms from `now`, or undefined when absent,
 * malformed or in the past. The shapes are checked first because Date.parse alone accepts
 * almost anything ("1", "garbage 2024") and would turn noise into a date.
 */
export function parseRetryAfter(header: string | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (DELTA_SECONDS.test(value)) return Number(value) * 1000;

  let at: number;
  if (IMF_FIXDATE.test(value) || RFC_850.test(value)) at = Date.parse(value);
  // asctime carries no zone and means UTC; Date.parse would read it as local time.
  else if (ASCTIME.test(value)) at = Date.parse(`${value} GMT`);
  else return undefined;

  const delayMs = at - now.getTime();
  return Number.isFinite(delayMs) && delayMs >= 0 ? delayMs : undefined;
}
