import type { QuoteCheck, QuoteTerms, ReservedQuote } from '../../../quotes';
import { type CurrencyCode, DomainError, Money, validationFailed } from '../../../shared/domain';
import {
  Beneficiary,
  Payment,
  PaymentDetails,
  idempotencyConflictDetail,
  idempotentOutcome,
  PAYMENT_ERRORS,
} from '../../domain';
import type { ItemErrorCode, ItemOutcome, PaymentRequest, RejectedItem } from './payment-request';

/** How each item of a batch becomes a payment, a replay or a rejection. */

/** The quote's corridor terms when the quote is the account's, usable or not. */
export function termsOf(check: QuoteCheck | undefined): QuoteTerms | undefined {
  if (!check) return undefined;
  return check.usable ? check.quote : check.terms;
}

export function toDetails(item: PaymentRequest, currency: CurrencyCode): PaymentDetails {
  return PaymentDetails.create({
    quoteId: item.quoteId,
    amount: Money.parsePositive(item.amount, currency),
    beneficiary: Beneficiary.create(item.beneficiary),
    reference: item.reference,
    purpose: item.purpose,
    metadata: item.metadata,
  });
}

/** The DTO mirrors the domain's limits, so a refusal here is rare; it still names the item. */
export function createPayment(
  accountId: string,
  index: number,
  item: PaymentRequest,
  quote: ReservedQuote,
  now: Date,
): Payment {
  try {
    return Payment.create({
      accountId,
      externalRef: item.externalRef,
      details: toDetails(item, quote.currency),
      quote,
      now,
    });
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
    const refusal = {
      field: `payments[${index}]`,
      code: error.code,
      message: `payments[${index}]: ${error.message}`,
    };
    throw validationFailed([refusal]);
  }
}

export function replayOrConflict(
  index: number,
  item: PaymentRequest,
  stored: Payment,
): ItemOutcome {
  const outcome = idempotentOutcome(stored, () => toDetails(item, stored.currency));
  if (outcome === 'replay') {
    return { index, externalRef: item.externalRef, outcome: 'REPLAYED', payment: stored.toView() };
  }
  return rejected(
    index,
    item,
    PAYMENT_ERRORS.idempotencyConflict,
    idempotencyConflictDetail(stored),
  );
}

export const created = (index: number, payment: Payment): ItemOutcome => ({
  index,
  externalRef: payment.externalRef,
  outcome: 'CREATED',
  payment: payment.toView(),
});

export const rejected = (
  index: number,
  item: PaymentRequest,
  code: ItemErrorCode,
  detail: string,
): RejectedItem => ({
  index,
  externalRef: item.externalRef,
  outcome: 'REJECTED',
  error: { code, detail },
});
