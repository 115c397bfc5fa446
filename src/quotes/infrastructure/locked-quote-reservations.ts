import { Injectable } from '@nestjs/common';
import { type CorridorRules, isUuid } from '../../shared/domain';
import {
  type QuoteCheck,
  type QuoteLock,
  QuoteReservations,
  type QuoteTerms,
} from '../application/quote-reservations.port';
import { CorridorTable } from '../domain/corridor-table';
import type { Quote } from '../domain/quote';
import { QUOTE_ERRORS, REFUSAL_DETAILS } from '../domain/quote-errors';
import { QuotesRepository } from './quotes.repository';

const NO_RULES: CorridorRules = { beneficiaryRequirements: [], minAmount: null, maxAmount: null };

/**
 * Locks the quotes and lets each Quote decide: whether it can pay (`refusalFor`), and what a
 * reservation or a release does to it; the repository writes what they decided. A concurrent
 * reserver waits on the lock and then sees them used.
 */
@Injectable()
export class LockedQuoteReservations extends QuoteReservations {
  constructor(
    private readonly quotes: QuotesRepository,
    private readonly corridors: CorridorTable,
  ) {
    super();
  }

  async lock(accountId: string, quoteIds: readonly string[], now: Date): Promise<QuoteLock> {
    const locked = await this.quotes.lock([...new Set(quoteIds.filter(isUuid))]);
    const quotes = new Map(locked.map((quote) => [quote.id, quote]));
    const checks = new Map<string, QuoteCheck>();
    for (const id of quoteIds) checks.set(id, this.check(id, quotes.get(id), accountId, now));
    const pick = (ids: readonly string[]) => ids.map((id) => quotes.get(id)!);
    return {
      checks,
      markUsed: async (ids) => {
        const chosen = pick(ids);
        for (const quote of chosen) {
          const refusal = quote.reserve(accountId, now);
          if (refusal)
            throw new Error(`quote ${quote.id} was found usable but refuses: ${refusal}`);
        }
        await this.quotes.saveUsage(chosen);
      },
      release: async (ids) => {
        const own = pick(ids).filter((quote) => quote.accountId === accountId);
        own.forEach((quote) => quote.release());
        await this.quotes.saveUsage(own);
      },
    };
  }

  private check(id: string, quote: Quote | undefined, accountId: string, now: Date): QuoteCheck {
    const refusal = quote ? quote.refusalFor(accountId, now) : QUOTE_ERRORS.notFound;
    if (quote && !refusal) {
      return { usable: true, quote: { id, fee: quote.fee, ...this.termsOf(quote) } };
    }
    const code = refusal ?? QUOTE_ERRORS.notFound;
    // Another account's quote is "not found", terms and all.
    const known = quote && code !== QUOTE_ERRORS.notFound;
    return {
      usable: false,
      code,
      detail: REFUSAL_DETAILS[code](id, quote?.expiresAt),
      terms: known ? this.termsOf(quote) : undefined,
    };
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
}
