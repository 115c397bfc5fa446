import { CountryCode, CurrencyCode, Money, newId } from '../../shared/domain';
import { Beneficiary } from './beneficiary';
import { Payment } from './payment';
import { PaymentDetails, PaymentDetailsProps } from './payment-details';
import { PaymentQuoteTerms } from './payment-quote-terms';
import { PAYMENT_STATUSES, PaymentStatus } from './payment-status';

/** Shared builders for the Payment specs (not a spec itself: excluded from the build). */
export const USD = CurrencyCode.of('USD');
export const T0 = new Date('2026-11-24T05:37:19.123Z');
export const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
export const accountId = newId();

export const quote = (currency = USD, fee = '25.00'): PaymentQuoteTerms => ({
  id: newId(),
  currency,
  country: CountryCode.of('IN'),
  fee: Money.parsePositive(fee, currency),
});

export const detailsFor = (
  terms: PaymentQuoteTerms,
  overrides: Partial<PaymentDetailsProps> = {},
) =>
  PaymentDetails.create({
    quoteId: terms.id,
    beneficiary: Beneficiary.create({ name: 'Asha Rao', accountNumber: '50100012345678' }),
    ...overrides,
    amount: overrides.amount ?? Money.parsePositive('1250.50', terms.currency),
  });

export const newPayment = (
  terms = quote(),
  overrides: Partial<PaymentDetailsProps> = {},
): Payment =>
  Payment.create({
    accountId,
    externalRef: 'order-8812',
    details: detailsFor(terms, overrides),
    quote: terms,
    now: T0,
  });

/** A stored payment in the given status, as a repository would load it. */
export const storedIn = (status: PaymentStatus): Payment =>
  Payment.restore({
    ...newPayment().toState(),
    status,
    failureReason: status === 'FAILED' ? 'beneficiary account closed' : null,
    version: status === 'PENDING' ? 1 : 3,
  });

/** Every status has one command that moves a payment into it, except PENDING (creation only). */
export const moveTo: Record<Exclude<PaymentStatus, 'PENDING'>, (p: Payment, now: Date) => void> = {
  PROCESSING: (p, now) => p.markProcessing(now),
  PAID: (p, now) => p.markPaid(now),
  FAILED: (p, now) => p.markFailed('beneficiary account closed', now),
  CANCELLED: (p, now) => p.cancel(now),
};
export const ALLOWED = [
  'PENDING→PROCESSING',
  'PROCESSING→PAID',
  'PROCESSING→FAILED',
  'PENDING→CANCELLED',
];
export const EVERY_MOVE = PAYMENT_STATUSES.flatMap((from) =>
  (Object.keys(moveTo) as Array<keyof typeof moveTo>).map((to) => ({
    from,
    to,
    allowed: ALLOWED.includes(`${from}→${to}`),
  })),
);
