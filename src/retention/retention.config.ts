const DAY_MS = 24 * 3600 * 1000;

/** How long events, finished deliveries and attempts are kept, and how the clean-up runs. */
export class RetentionConfig {
  readonly eventRetentionDays!: number;
  readonly intervalMs!: number;
  /** Rows deleted per statement and table. */
  readonly batchSize!: number;

  constructor(settings: Omit<RetentionConfig, 'eventRetentionMs'>) {
    Object.assign(this, settings);
  }

  get eventRetentionMs(): number {
    return this.eventRetentionDays * DAY_MS;
  }
}
