import type { PaymentView } from '../../domain';

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

export type ItemOutcome =
  | { index: number; externalRef: string; outcome: 'CREATED' | 'REPLAYED'; payment: PaymentView }
  | {
      index: number;
      externalRef: string;
      outcome: 'REJECTED';
      error: { code: string; detail: string };
    };

export type RejectedItem = Extract<ItemOutcome, { outcome: 'REJECTED' }>;

/** The request field a rejection is about, for the problem's `errors[].field`. */
const FIELD_OF: Record<string, string> = {
  'idempotency-conflict': 'externalRef',
  'amount-out-of-range': 'amount',
};

export const rejectedField = (item: RejectedItem): string =>
  `payments[${item.index}].${FIELD_OF[item.error.code] ?? 'quoteId'}`;
