import { BigIntType, EntitySchema } from '@mikro-orm/postgresql';
import { CountryCodeType, CurrencyCodeType } from '../../shared/infrastructure/code-types';
import { Quote } from '../domain/quote';

export const QuoteSchema = new EntitySchema<Quote>({
  class: Quote,
  tableName: 'quote',
  properties: {
    id: { type: 'uuid', primary: true },
    accountId: { type: 'uuid' },
    currency: { type: CurrencyCodeType, columnType: 'char(3)' },
    country: { type: CountryCodeType, columnType: 'char(2)' },
    feeMinor: { type: new BigIntType('bigint') },
    expiresAt: { type: 'Date', columnType: 'timestamptz(3)' },
    createdAt: { type: 'Date', columnType: 'timestamptz(3)' },
    usedAt: { type: 'Date', columnType: 'timestamptz(3)', nullable: true },
    fee: { type: 'method', persist: false, getter: true },
  },
});
