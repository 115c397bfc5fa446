/** The HTTP server's settings. */
export class HttpConfig {
  readonly port!: number;
  /** Requests per API key, minute and instance; 0 turns the limit off. */
  readonly rateLimitPerMinute!: number;

  constructor(settings: HttpConfig) {
    Object.assign(this, settings);
  }
}
