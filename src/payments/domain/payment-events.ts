import type { DomainEvent } from '../../shared/domain';
import type { PaymentStatus } from './payment-status';
import type { PaymentView } from './payment-view';

/** The event types of the contract; webhook subscriptions filter on exactly these strings. */
export const PAYMENT_EVENT_TYPES = [
  'payment.created',
  'payment.processing',
  'payment.paid',
  'payment.failed',
  'payment.cancelled',
] as const;

export type PaymentEventType = (typeof PAYMENT_EVENT_TYPES)[number];

/**
 * One event per status entered: a payment is created PENDING, and every later move names the
 * status it reached, so a receiver learns the new state from the type alone.
 */
const EVENT_TYPE_BY_STATUS: Readonly<Record<PaymentStatus, PaymentEventType>> = Object.freeze({
  PENDING: 'payment.created',
  PROCESSING: 'payment.processing',
  PAID: 'payment.paid',
  FAILED: 'payment.failed',
  CANCELLED: 'payment.cancelled',
});

export const paymentEventTypeFor = (status: PaymentStatus): PaymentEventType =>
  EVENT_TYPE_BY_STATUS[status];

export const isPaymentEventType = (value: unknown): value is PaymentEventType =>
  typeof value === 'string' && (PAYMENT_EVENT_TYPES as readonly string[]).includes(value);

/** A payment event: its payload is the payment as it is right after the change. */
export type PaymentEvent = DomainEvent<PaymentView> & { readonly type: PaymentEventType };
