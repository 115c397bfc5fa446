/** What other modules may know of accounts, free of NestJS and of the ORM. */

/** An account as it is answered once, when created: the only time its API key is shown. */
export interface CreatedAccount {
  id: string;
  name: string;
  apiKey: string;
  createdAt: Date;
}
