import { CountryCode, CurrencyCode, DomainError, Money } from '../../shared/domain';
import type { PaymentDetails } from './payment-details';
import { PAYMENT_ERRORS } from './payment-errors';

/**
 * What a payment takes from its quote: the currency and country it pays in, and the fee. Payments
 * see quotes only through these terms (handed over by the Quotes module's reservation port), never
 * through the Quotes module's classes.
 */
export interface PaymentQuoteTerms {
  readonly id: string;
  readonly currency: CurrencyCode;
  readonly country: CountryCode;
  /** Zero or more, in the quote's currency. */
  readonly fee: Money;
}

/**
 * The details must name this quote and be in its currency. A mismatch means the caller parsed the
 * amount with the wrong currency or paired the wrong quote: a bug, refused before anything is paid.
 */
export const assertDetailsMatchQuote = (
  details: PaymentDetails,
  quote: PaymentQuoteTerms,
): void => {
  if (details.quoteId !== quote.id) {
    throw new DomainError(
      'invalid',
      PAYMENT_ERRORS.quoteMismatch,
      `payment details name quote ${details.quoteId}, not ${quote.id}`,
    );
  }
  const priced = [
    ['amount', details.amount],
    ['fee', quote.fee],
  ] as const;
  for (const [name, money] of priced) {
    if (money.currency.code !== quote.currency.code) {
      throw new DomainError(
        'invalid',
        PAYMENT_ERRORS.currencyMismatch,
        `${name} is in ${money.currency.code} but quote ${quote.id} is in ${quote.currency.code}`,
      );
    }
  }
};
