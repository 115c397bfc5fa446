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
 * The quotes one transaction has locked, and what each can pay for. `markUsed` reserves quotes it
 * found usable; `release` gives back reserved quotes whose payment was not written after all. Each
 * writes at once, inside the caller's transaction, so a reservation rolls back with the payment
 * that needed it.
 */
export interface QuoteLock {
  /** For each id asked: whether it can pay for one payment of the account now. */
  readonly checks: ReadonlyMap<string, QuoteCheck>;
  /** Marks quotes found usable as used: afterwards they pay for nothing else. */
  markUsed(quoteIds: readonly string[]): Promise<void>;
  /** Gives back quotes this lock marked used whose payment was not written after all. */
  release(quoteIds: readonly string[]): Promise<void>;
}

/**
 * The one way other modules use quotes, inside the caller's transaction, so that the caller can
 * refuse the whole request on what the quotes say (its corridor's beneficiary rules) before
 * anything is written: `lock` reads and locks, and the lock it returns reserves.
 */
export abstract class QuoteReservations {
  /** Locks the quotes (a concurrent reserver waits, then sees them used) and checks each. */
  abstract lock(accountId: string, quoteIds: readonly string[], now: Date): Promise<QuoteLock>;
}
