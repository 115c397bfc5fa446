import { EntitySchema } from '@mikro-orm/postgresql';
import { Account } from '../domain/account';

export const AccountSchema = new EntitySchema<Account>({
  class: Account,
  tableName: 'account',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string', length: 200 },
    apiKeyHash: { type: 'string', length: 64, unique: 'account_api_key_hash_unique' },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)' },
  },
});
