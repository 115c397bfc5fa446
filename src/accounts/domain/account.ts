import { newId } from '../../shared/domain';
import { ApiKey } from './api-key';

/** A client of the API, known by the hash of its key: the key itself is shown once, never kept. */
export class Account {
  readonly id: string = newId();
  readonly apiKeyHash: string;

  constructor(
    readonly name: string,
    apiKey: string,
    readonly createdAt: Date,
  ) {
    this.apiKeyHash = ApiKey.hash(apiKey);
  }
}
