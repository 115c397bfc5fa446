import { Injectable } from '@nestjs/common';
import { type CorridorRules, isUuid } from '../../shared/domain';
import {
  type QuoteCheck,
  QuoteReservations,
  type QuoteTerms,
} from '../application/quote-reservations.port';
import { CorridorTable } from '../domain/corridor-table';
import type { Quote } from '../domain/quote';
import { QUOTE_ERRORS, REFUSAL_DETAILS } from '../domain/quote-errors';
import { QuotesRepository } from './quotes.repository';

const NO_RULES: CorridorRules = { beneficiaryRequirements: [], minAmount: null, maxAmount: null };

/**
 * Locks the quotes and lets each Quote decide; the caller then reserves the ones it uses. A
 * concurrent reserver waits on the lock and then sees them used.
 */
@Injectable()
export class LockedQuoteReservations extends QuoteReservations {
  constructor(
    private readonly quotes: QuotesRepository,
    private readonly corridors: CorridorTable,
  ) {
    super();
  }

  async lock(
    accountId: string,
    quoteIds: readonly string[],
    now: Date,
  ): Promise<Map<string, QuoteCheck>> {
    const locked = await this.quotes.lock([...new Set(quoteIds.filter(isUuid))]);
    const quotes = new Map(locked.map((quote) => [quote.id, quote]));
    const checks = new Map<string, QuoteCheck>();
    for (const id of quoteIds) {
      const quote = quotes.get(id);
      const refusal = quote ? quote.refusalFor(accountId, now) : QUOTE_ERRORS.notFound;
      if (!refusal && quote) {
        checks.set(id, { usable: true, quote: { id, fee: quote.fee, ...this.termsOf(quote) } });
      } else if (refusal) {
        const known = refusal !== QUOTE_ERRORS.notFound && quote;
        checks.set(id, {
          usable: false,
          code: refusal,
          detail: REFUSAL_DETAILS[refusal](id, quote?.expiresAt),
          terms: known ? this.termsOf(quote) : undefined,
        });
      }
    }
    return checks;
  }

  private termsOf(quote: Quote): QuoteTerms {
    const corridor = this.corridors.find(quote.country.code, quote.currency.code);
    const rules = corridor
      ? {
          beneficiaryRequirements: corridor.beneficiaryRequirements,
          minAmount: corridor.minAmount,
          maxAmount: corridor.maxAmount,
        }
      : NO_RULES;
    return { currency: quote.currency, country: quote.country, rules };
  }

  async markUsed(accountId: string, quoteIds: readonly string[], now: Date): Promise<void> {
    for (const id of quoteIds) {
      const refusal = this.quotes.locked(id).reserve(accountId, now);
      if (refusal) throw new Error(`quote ${id} was found usable but refuses: ${refusal}`);
    }
    return Promise.resolve();
  }

  async release(accountId: string, quoteIds: readonly string[]): Promise<void> {
    for (const id of quoteIds) {
      const quote = this.quotes.locked(id);
      if (quote.accountId === accountId) quote.release();
    }
    return Promise.resolve();
  }
}
