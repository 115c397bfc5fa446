/** Where the data lives. */
export class DatabaseConfig {
  /** Unset: an embedded PostgreSQL in `dataDir`, whose URL the bootstrap fills in. */
  readonly url?: string;
  readonly dataDir!: string;
  /** Connections per instance. */
  readonly poolSize!: number;

  constructor(settings: DatabaseConfig) {
    Object.assign(this, settings);
  }
}
