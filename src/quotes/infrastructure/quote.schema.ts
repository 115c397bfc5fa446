import { EntitySchema } from '@mikro-orm/postgresql';

export interface QuoteRecord {
  id: string;
  accountId: string;
  currency: string;
  country: string;
  feeMinor: string;
  expiresAt: Date;
  createdAt: Date;
  usedAt: Date | null;
}

export const QuoteSchema = new EntitySchema<QuoteRecord>({
  name: 'QuoteRecord',
  tableName: 'quote',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    currency: { type: 'string', columnType: 'char(3)' },
    country: { type: 'string', columnType: 'char(2)' },
    feeMinor: { type: 'bigint' },
    expiresAt: { type: 'Date', columnType: 'timestamptz(3)' },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)' },
    usedAt: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
  },
});
