import { DomainError } from '../../shared/domain';
import {
  T0,
  at,
  accountId,
  newPayment,
  storedIn,
  moveTo,
  EVERY_MOVE,
} from './payment.spec-fixtures';

describe('Payment lifecycle', () => {
  it.each(EVERY_MOVE.filter((m) => m.allowed))(
    'a $from payment can move to $to',
    ({ from, to }) => {
      const payment = storedIn(from);
      moveTo[to](payment, at(5));
      expect(payment.status).toBe(to);
    },
  );

  it.each(EVERY_MOVE.filter((m) => !m.allowed))(
    'a $from payment cannot move to $to',
    ({ from, to }) => {
      const payment = storedIn(from);
      const before = payment.toView();
      expect(() => moveTo[to](payment, at(5))).toThrow(
        new DomainError(
          'conflict',
          'invalid-state',
          `payment ${payment.id} is ${from} and cannot move to ${to}`,
        ),
      );
      expect(payment.toView()).toEqual(before);
      expect(payment.pullEvents()).toEqual([]);
    },
  );

  it('a PENDING payment can be cancelled', () => {
    const payment = newPayment();
    payment.cancel(at(1));
    expect(payment.status).toBe('CANCELLED');
  });

  it('a PAID payment cannot be cancelled', () => {
    const payment = storedIn('PAID');
    expect(() => payment.cancel(at(1))).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'invalid-state' }),
    );
    expect(() => payment.cancel(at(1))).toThrow(
      `payment ${payment.id} is PAID and cannot move to CANCELLED`,
    );
  });

  it('a PROCESSING payment cannot be cancelled: the payout has started', () => {
    expect(() => storedIn('PROCESSING').cancel(at(1))).toThrow(
      /is PROCESSING and cannot move to CANCELLED/,
    );
  });

  it('every change bumps the version by one', () => {
    const payment = newPayment();
    expect(payment.version).toBe(1);
    payment.markProcessing(at(2));
    expect(payment.version).toBe(2);
    payment.markPaid(at(7));
    expect(payment.version).toBe(3);
  });

  it('every change sets updatedAt and keeps createdAt', () => {
    const payment = newPayment();
    payment.markProcessing(at(2));
    expect(payment.createdAt).toEqual(T0);
    expect(payment.updatedAt).toEqual(at(2));
  });

  it('every change records one event carrying the payment after the change', () => {
    const payment = newPayment();
    const steps: Array<[string, () => void]> = [
      ['payment.created', () => undefined],
      ['payment.processing', () => payment.markProcessing(at(2))],
      ['payment.failed', () => payment.markFailed('beneficiary account closed', at(7))],
    ];
    for (const [type, change] of steps) {
      change();
      const events = payment.pullEvents();
      expect(events).toHaveLength(1);
      expect(events[0]).toEqual({
        id: expect.any(String),
        type,
        aggregateId: payment.id,
        accountId,
        occurredAt: payment.updatedAt,
        payload: payment.toView(),
      });
    }
  });

  it('a cancelled or paid payment records payment.cancelled or payment.paid', () => {
    const cancelled = storedIn('PENDING');
    cancelled.cancel(at(1));
    const paid = storedIn('PROCESSING');
    paid.markPaid(at(1));
    expect(cancelled.pullEvents().map((e) => [e.type, e.payload.status])).toEqual([
      ['payment.cancelled', 'CANCELLED'],
    ]);
    expect(paid.pullEvents().map((e) => [e.type, e.payload.status])).toEqual([
      ['payment.paid', 'PAID'],
    ]);
  });

  it('each event has its own id', () => {
    const payment = newPayment();
    payment.markProcessing(at(1));
    const [created, processing] = payment.pullEvents();
    expect(created.id).not.toBe(processing.id);
  });

  it('pulled events are handed over once', () => {
    const payment = newPayment();
    expect(payment.pullEvents()).toHaveLength(1);
    expect(payment.pullEvents()).toEqual([]);
  });

  it('a failed payment needs a reason of 1 to 500 characters, not blank', () => {
    for (const bad of ['', '   ', 'r'.repeat(501)]) {
      const payment = storedIn('PROCESSING');
      expect(() => payment.markFailed(bad, at(1))).toThrow(
        expect.objectContaining({ code: 'invalid-failure-reason' }),
      );
      expect(payment.status).toBe('PROCESSING');
    }
    const payment = storedIn('PROCESSING');
    payment.markFailed('r'.repeat(500), at(1));
    expect(payment.failureReason).toHaveLength(500);
  });

  it('a failed payment shows its reason; others have none', () => {
    const payment = storedIn('PROCESSING');
    expect(payment.failureReason).toBeNull();
    payment.markFailed('beneficiary account closed', at(1));
    expect(payment.toView().failureReason).toBe('beneficiary account closed');
  });

  it('a change needs a valid time', () => {
    expect(() => newPayment().markProcessing(new Date('nope'))).toThrow(TypeError);
  });
});
