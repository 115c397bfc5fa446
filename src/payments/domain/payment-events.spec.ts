import { PAYMENT_STATUSES } from './payment-status';
import { PAYMENT_EVENT_TYPES, isPaymentEventType, paymentEventTypeFor } from './payment-events';

describe('payment event types', () => {
  it('are exactly the five types of the contract', () => {
    expect([...PAYMENT_EVENT_TYPES]).toEqual([
      'payment.created',
      'payment.processing',
      'payment.paid',
      'payment.failed',
      'payment.cancelled',
    ]);
  });

  it('name the status a payment entered, one type per status', () => {
    expect(PAYMENT_STATUSES.map(paymentEventTypeFor)).toEqual([...PAYMENT_EVENT_TYPES]);
  });

  it('refuse unknown types', () => {
    expect(isPaymentEventType('payment.paid')).toBe(true);
    for (const bad of ['payment.refunded', 'PAYMENT.PAID', 'payment.*', '', null]) {
      expect(isPaymentEventType(bad)).toBe(false);
    }
  });
});
