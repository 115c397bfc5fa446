import { type CountryCode, type CurrencyCode, type Money, newId } from '../../shared/domain';

export type ReservationRefusal = 'quote-not-found' | 'quote-expired' | 'quote-already-used';

export interface QuoteState {
  id: string;
  accountId: string;
  currency: CurrencyCode;
  country: CountryCode;
  fee: Money;
  expiresAt: Date;
  createdAt: Date;
  usedAt: Date | null;
}

/** A priced offer to pay one currency into one country: it lives for a while and pays once. */
export class Quote {
  private constructor(private readonly state: QuoteState) {}

  static issue(input: {
    accountId: string;
    currency: CurrencyCode;
    country: CountryCode;
    fee: Money;
    ttlSeconds: number;
    now: Date;
  }): Quote {
    return new Quote({
      id: newId(),
      accountId: input.accountId,
      currency: input.currency,
      country: input.country,
      fee: input.fee,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.ttlSeconds * 1000),
      usedAt: null,
    });
  }

  static restore(state: QuoteState): Quote {
    return new Quote({ ...state });
  }

  get id() {
    return this.state.id;
  }
  get accountId() {
    return this.state.accountId;
  }
  get currency() {
    return this.state.currency;
  }
  get country() {
    return this.state.country;
  }
  get fee() {
    return this.state.fee;
  }
  get expiresAt() {
    return this.state.expiresAt;
  }
  get createdAt() {
    return this.state.createdAt;
  }
  get usedAt() {
    return this.state.usedAt;
  }

  /** A quote is expired from its `expiresAt` on, to the millisecond. */
  isExpiredAt(now: Date): boolean {
    return now.getTime() >= this.state.expiresAt.getTime();
  }

  /**
   * Why this quote cannot pay for a payment of `accountId` now, or null if it can. Another
   * account's quote is "not found": no account learns that another's quote exists.
   */
  refusalFor(accountId: string, now: Date): ReservationRefusal | null {
    if (this.state.accountId !== accountId) return 'quote-not-found';
    if (this.state.usedAt) return 'quote-already-used';
    if (this.isExpiredAt(now)) return 'quote-expired';
    return null;
  }

  toView() {
    return {
      id: this.state.id,
      currency: this.state.currency.code,
      country: this.state.country.code,
      fee: this.state.fee.toJSON(),
      expiresAt: this.state.expiresAt.toISOString(),
      createdAt: this.state.createdAt.toISOString(),
    };
  }
}

export type QuoteView = ReturnType<Quote['toView']>;
