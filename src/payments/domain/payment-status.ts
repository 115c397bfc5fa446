/** Every status a payment can be in, in lifecycle order. */
export const PAYMENT_STATUSES = ['PENDING', 'PROCESSING', 'PAID', 'FAILED', 'CANCELLED'] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * The whole lifecycle, and the only place it is written down: PENDING → PROCESSING → PAID | FAILED,
 * and PENDING → CANCELLED. Anything absent is forbidden, including staying in the same status, so
 * a repeated or late command is refused rather than silently recording a second identical event.
 * Once a payout has started (PROCESSING) it can no longer be cancelled: money may already be moving.
 */
export const PAYMENT_STATUS_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> =
  Object.freeze({
    PENDING: Object.freeze(['PROCESSING', 'CANCELLED'] as const),
    PROCESSING: Object.freeze(['PAID', 'FAILED'] as const),
    PAID: Object.freeze([] as const),
    FAILED: Object.freeze([] as const),
    CANCELLED: Object.freeze([] as const),
  });

export const isPaymentStatus = (value: unknown): value is PaymentStatus =>
  typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value);

export const canTransition = (from: PaymentStatus, to: PaymentStatus): boolean =>
  PAYMENT_STATUS_TRANSITIONS[from].includes(to);

/** PAID, FAILED and CANCELLED are final: nothing can happen to such a payment any more. */
export const isFinalStatus = (status: PaymentStatus): boolean =>
  PAYMENT_STATUS_TRANSITIONS[status].length === 0;
