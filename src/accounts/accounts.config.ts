/** The Accounts module's settings. */
export class AccountsConfig {
  /** Unset: the admin routes answer 404. */
  readonly adminApiKey?: string;
  /** The demo account's key, outside production only. */
  readonly demoApiKey!: string;

  constructor(settings: AccountsConfig) {
    Object.assign(this, settings);
  }
}
