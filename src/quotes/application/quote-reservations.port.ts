import type { CountryCode, CurrencyCode, Money } from '../../shared/domain';
import type { ReservationRefusal } from '../domain/quote';

/** What a payment needs to know of the quote that prices it. */
export interface ReservedQuote {
  id: string;
  currency: CurrencyCode;
  country: CountryCode;
  fee: Money;
}

export type ReservationResult =
  | { reserved: true; quote: ReservedQuote }
  /** `currency` is known when the quote is the account's (expired or used), so amounts can still be checked. */
  | { reserved: false; code: ReservationRefusal; detail: string; currency?: CurrencyCode };

/**
 * The one way other modules use quotes. Both methods run inside the caller's transaction, so a
 * reservation rolls back with the payment that needed it.
 */
export abstract class QuoteReservations {
  /** Reserves each quote for one payment of the account: refuses unknown or foreign, expired and used ones. */
  abstract reserve(
    accountId: string,
    quoteIds: readonly string[],
    now: Date,
  ): Promise<Map<string, ReservationResult>>;

  /** Gives back quotes reserved earlier in the same transaction whose payment was not written after all. */
  abstract release(accountId: string, quoteIds: readonly string[]): Promise<void>;
}
