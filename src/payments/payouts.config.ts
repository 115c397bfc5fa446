/** How payments are paid out: the simulated provider and its pace. */
export class PayoutsConfig {
  /** Whether the simulated payout provider runs (default: everywhere but production). */
  readonly simulator!: boolean;
  /** PENDING → PROCESSING. */
  readonly processingDelayMs!: number;
  /** PROCESSING → PAID / FAILED. */
  readonly settleDelayMs!: number;
  readonly pollIntervalMs!: number;

  constructor(settings: PayoutsConfig) {
    Object.assign(this, settings);
  }
}
