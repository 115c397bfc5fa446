import { EntitySchema } from '@mikro-orm/postgresql';

export interface AccountRecord {
  id: string;
  name: string;
  apiKeyHash: string;
  createdAt: Date;
}

export const AccountSchema = new EntitySchema<AccountRecord>({
  name: 'AccountRecord',
  tableName: 'account',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string', length: 200 },
    apiKeyHash: { type: 'string', length: 64, unique: 'account_api_key_hash_unique' },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)' },
  },
});
