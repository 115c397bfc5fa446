import type { ReservationRefusal } from '../../../quotes';
import { PAYMENT_ERRORS, type PaymentErrorCode, type PaymentView } from '../../domain';

/** One item of a CreatePaymentsRequest, as the HTTP layer validated its shape. */
export interface PaymentRequest {
  quoteId: string;
  externalRef: string;
  /** A positive decimal string; its decimals are checked against the quote's currency. */
  amount: string;
  beneficiary: { name: string; accountNumber: string; bankCode?: string | null };
  reference?: string | null;
  purpose?: string | null;
  metadata?: Record<string, string> | null;
}

/** Why an item was rejected: a Payments rule, or a quote that cannot pay. */
export type ItemErrorCode = PaymentErrorCode | ReservationRefusal;

export type ItemOutcome =
  | { index: number; externalRef: string; outcome: 'CREATED' | 'REPLAYED'; payment: PaymentView }
  | {
      index: number;
      externalRef: string;
      outcome: 'REJECTED';
      error: { code: ItemErrorCode; detail: string };
    };

export type RejectedItem = Extract<ItemOutcome, { outcome: 'REJECTED' }>;

/** The request field a rejection is about, for the problem's `errors[].field`. */
const FIELD_OF: Partial<Record<ItemErrorCode, string>> = {
  [PAYMENT_ERRORS.idempotencyConflict]: 'externalRef',
  [PAYMENT_ERRORS.amountOutOfRange]: 'amount',
};

export const rejectedField = (item: RejectedItem): string =>
  `payments[${item.index}].${FIELD_OF[item.error.code] ?? 'quoteId'}`;
