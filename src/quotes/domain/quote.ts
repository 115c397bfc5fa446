import { type CountryCode, type CurrencyCode, Money, newId } from '../../shared/domain';
import { QUOTE_ERRORS, type ReservationRefusal } from './quote-errors';

export type { ReservationRefusal } from './quote-errors';

/**
 * A priced offer to pay one currency into one country: it lives for a while and pays for exactly
 * one payment. Mapped as it is by the ORM (infrastructure/quote.schema.ts); the fee is kept in
 * minor units because its currency is the quote's own.
 */
export class Quote {
  readonly id: string = newId();
  usedAt: Date | null = null;

  private constructor(
    readonly accountId: string,
    readonly currency: CurrencyCode,
    readonly country: CountryCode,
    readonly feeMinor: bigint,
    readonly createdAt: Date,
    readonly expiresAt: Date,
  ) {}

  static issue(input: {
    accountId: string;
    currency: CurrencyCode;
    country: CountryCode;
    fee: Money;
    ttlSeconds: number;
    now: Date;
  }): Quote {
    const expiresAt = new Date(input.now.getTime() + input.ttlSeconds * 1000);
    return new Quote(
      input.accountId,
      input.currency,
      input.country,
      input.fee.minor,
      input.now,
      expiresAt,
    );
  }

  get fee(): Money {
    return Money.ofMinor(this.feeMinor, this.currency);
  }

  /** A quote is expired from its `expiresAt` on, to the millisecond. */
  isExpiredAt(now: Date): boolean {
    return now.getTime() >= this.expiresAt.getTime();
  }

  /**
   * Why this quote cannot pay for a payment of `accountId` now, or null if it can. Another
   * account's quote is "not found": no account learns that another's quote exists.
   */
  refusalFor(accountId: string, now: Date): ReservationRefusal | null {
    if (this.accountId !== accountId) return QUOTE_ERRORS.notFound;
    if (this.usedAt) return QUOTE_ERRORS.alreadyUsed;
    if (this.isExpiredAt(now)) return QUOTE_ERRORS.expired;
    return null;
  }

  /** Single use: a quote that can pay for a payment now pays for it, and for nothing else. */
  reserve(accountId: string, now: Date): ReservationRefusal | null {
    const refusal = this.refusalFor(accountId, now);
    if (!refusal) this.usedAt = now;
    return refusal;
  }

  /** Gives the quote back when the payment it was reserved for was not written after all. */
  release(): void {
    this.usedAt = null;
  }

  toView() {
    return {
      id: this.id,
      currency: this.currency.code,
      country: this.country.code,
      fee: this.fee.toJSON(),
      expiresAt: this.expiresAt.toISOString(),
      createdAt: this.createdAt.toISOString(),
    };
  }
}

export type QuoteView = ReturnType<Quote['toView']>;
