import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Clock, CountryCode, CurrencyCode } from '../../shared/domain';
import { CorridorTable } from '../domain/corridor-table';
import { Quote } from '../domain/quote';
import { QuotesRepository } from '../infrastructure/quotes.repository';

@Injectable()
export class QuotesService {
  constructor(
    private readonly corridors: CorridorTable,
    private readonly quotes: QuotesRepository,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async create(accountId: string, currencyCode: string, countryCode: string): Promise<Quote> {
    const currency = CurrencyCode.of(currencyCode);
    const country = CountryCode.of(countryCode);
    const fee = this.corridors.feeFor(country, currency);
    const quote = Quote.issue({
      accountId,
      currency,
      country,
      fee,
      ttlSeconds: this.config.QUOTE_TTL_SECONDS,
      now: this.clock.now(),
    });
    await this.quotes.insert(quote);
    return quote;
  }
}
