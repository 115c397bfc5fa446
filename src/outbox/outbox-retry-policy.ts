export interface OutboxRetryPolicyOptions {
  /** Wait after the first failure; the n-th failure waits baseMs × 2^(n-1). */
  baseMs: number;
  /** No wait exceeds this: a dead letter is retried at least this often, forever. */
  maxDelayMs: number;
}

/**
 * When the relay tries again an event whose handler failed. It never gives up (the event is a
 * committed fact and its handlers' writes are owed), but a handler that keeps failing is retried
 * less and less often, up to the cap, instead of every few seconds forever. No jitter: events
 * fail one by one, not as a wave against one receiver.
 */
export class OutboxRetryPolicy {
  constructor(private readonly options: OutboxRetryPolicyOptions) {
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isFinite(value) || value <= 0) {
        throw new RangeError(`OutboxRetryPolicy ${name} must be a positive number, not ${value}`);
      }
    }
  }

  /** The wait after `failures` failed attempts (1 for the first failure). */
  delayMs(failures: number): number {
    if (!Number.isInteger(failures) || failures < 1) {
      throw new RangeError(`failures must be an integer >= 1, not ${failures}`);
    }
    const { baseMs, maxDelayMs } = this.options;
    // Beyond 2^52 the cap has long been reached; bounding the exponent keeps the product finite.
    return Math.min(maxDelayMs, baseMs * 2 ** Math.min(failures - 1, 52));
  }
}
