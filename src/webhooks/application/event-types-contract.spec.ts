import { PAYMENT_EVENT_TYPES } from '../../payments';
import { WEBHOOK_EVENT_TYPES } from '../domain/event-types';

describe('webhook event types', () => {
  it('are exactly the payment events the fan-out listens to: a new payment event cannot go undelivered', () => {
    expect([...WEBHOOK_EVENT_TYPES].sort()).toEqual([...PAYMENT_EVENT_TYPES].sort());
  });
});
