/** The Webhooks module's settings: sending, retrying, sharing the receivers. */
export class WebhooksConfig {
  /** An attempt's budget: connect, answer and body. */
  readonly timeoutMs!: number;
  /** The first retry's delay; each further one doubles, up to `retryMaxDelayMs`. */
  readonly retryBaseMs!: number;
  readonly retryMaxDelayMs!: number;
  /** No attempt later than this after the event. */
  readonly retryWindowMs!: number;
  /** Whether http and private addresses may be callback URLs (default: everywhere but production). */
  readonly allowPrivateUrls!: boolean;
  /** Attempts in flight per instance. */
  readonly concurrency!: number;
  /** Attempts in flight for one subscription, all instances together. */
  readonly maxInFlightPerSubscription!: number;
  /** A subscription whose attempts have all failed this long is disabled. */
  readonly disableAfterMs!: number;
  readonly pollIntervalMs!: number;
  /** How long a claimed delivery stays leased to an instance. */
  readonly leaseMs!: number;

  constructor(settings: WebhooksConfig) {
    Object.assign(this, settings);
  }
}
