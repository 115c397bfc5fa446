import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CountryCode, CurrencyCode, Money } from '../../shared/domain';
import { Quote } from '../domain/quote';
import { type QuoteRecord, QuoteSchema } from './quote.schema';

export const toQuote = (row: QuoteRecord): Quote => {
  const currency = CurrencyCode.of(row.currency);
  return Quote.restore({
    id: row.id,
    accountId: row.accountId,
    currency,
    country: CountryCode.of(row.country),
    fee: Money.ofMinor(BigInt(row.feeMinor), currency),
    expiresAt: new Date(row.expiresAt),
    createdAt: new Date(row.createdAt),
    usedAt: row.usedAt ? new Date(row.usedAt) : null,
  });
};

@Injectable()
export class QuotesRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(quote: Quote): Promise<void> {
    await this.em.insert(QuoteSchema, {
      id: quote.id,
      accountId: quote.accountId,
      currency: quote.currency.code,
      country: quote.country.code,
      feeMinor: quote.fee.minor.toString(),
      expiresAt: quote.expiresAt,
      createdAt: quote.createdAt,
      usedAt: null,
    });
  }
}
