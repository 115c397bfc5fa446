/** The outbox relay's settings. */
export class OutboxConfig {
  readonly pollIntervalMs!: number;
  /** The wait after a handler's first failure; doubles after each, up to `retryMaxDelayMs`. */
  readonly retryBaseMs!: number;
  readonly retryMaxDelayMs!: number;
  /** Failures after which an unpublished event counts as failing (a gauge to alert on). */
  readonly failingAlertAttempts!: number;

  constructor(settings: OutboxConfig) {
    Object.assign(this, settings);
  }
}
