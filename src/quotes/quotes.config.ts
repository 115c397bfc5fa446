/** The Quotes module's settings. */
export class QuotesConfig {
  /** How long a quote can be used. */
  readonly ttlSeconds!: number;
  /** A JSON corridor table that replaces the shipped one; unset: the shipped one. */
  readonly corridorsFile?: string;

  constructor(settings: QuotesConfig) {
    Object.assign(this, settings);
  }
}
