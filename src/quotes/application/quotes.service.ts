import { Injectable } from '@nestjs/common';
import { Clock, CountryCode, CurrencyCode } from '../../shared/domain';
import { CorridorTable } from '../domain/corridor-table';
import { Quote, type QuoteView } from '../domain/quote';
import { QuotesRepository } from '../infrastructure/quotes.repository';
import { QuotesConfig } from '../quotes.config';
import { corridorRulesView, type CorridorRulesView } from './corridor-rules-view';

export type PricedQuoteView = QuoteView & CorridorRulesView;

@Injectable()
export class QuotesService {
  constructor(
    private readonly corridors: CorridorTable,
    private readonly quotes: QuotesRepository,
    private readonly clock: Clock,
    private readonly config: QuotesConfig,
  ) {}

  /** Issues a quote and answers it with what a payment into its corridor needs. */
  async create(
    accountId: string,
    currencyCode: string,
    countryCode: string,
  ): Promise<PricedQuoteView> {
    const currency = CurrencyCode.of(currencyCode);
    const country = CountryCode.of(countryCode);
    const corridor = this.corridors.corridorFor(country, currency);
    const quote = Quote.issue({
      accountId,
      currency,
      country,
      fee: corridor.fee,
      ttlSeconds: this.config.ttlSeconds,
      now: this.clock.now(),
    });
    await this.quotes.add(quote);
    return { ...quote.toView(), ...corridorRulesView(corridor) };
  }
}
