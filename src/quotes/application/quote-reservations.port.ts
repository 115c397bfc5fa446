import type { CorridorRules, CountryCode, CurrencyCode, Money } from '../../shared/domain';
import type { ReservationRefusal } from '../domain/quote-errors';

/** What a payment needs to know of its quote's corridor: where, in what, and its rules. */
export interface QuoteTerms {
  currency: CurrencyCode;
  country: CountryCode;
  /** The corridor's rules as the current table states them (none if it no longer serves it). */
  rules: CorridorRules;
}

/** What a payment needs to know of the quote that prices it. */
export interface ReservedQuote extends QuoteTerms {
  id: string;
  fee: Money;
}

export type QuoteCheck =
  | { usable: true; quote: ReservedQuote }
  /** `terms` are known when the quote is the account's (expired or used), so the rest of the item can still be checked. */
  | { usable: false; code: ReservationRefusal; detail: string; terms?: QuoteTerms };

/**
 * The one way other modules use quotes, in two steps inside the caller's transaction, so that the
 * caller can refuse the whole request on what the quotes say (its corridor's beneficiary rules)
 * before anything is written: `lock` reads and locks, `markUsed` reserves. A reservation rolls
 * back with the payment that needed it.
 */
export abstract class QuoteReservations {
  /** Locks the quotes and says, for each id, whether it can pay for one payment of the account now. */
  abstract lock(
    accountId: string,
    quoteIds: readonly string[],
    now: Date,
  ): Promise<Map<string, QuoteCheck>>;

  /** Marks quotes found usable by `lock` as used: afterwards they pay for nothing else. */
  abstract markUsed(accountId: string, quoteIds: readonly string[], now: Date): Promise<void>;

  /** Gives back quotes marked earlier in the same transaction whose payment was not written after all. */
  abstract release(accountId: string, quoteIds: readonly string[]): Promise<void>;
}
