import {
  PAYMENT_STATUSES,
  PaymentStatus,
  canTransition,
  isFinalStatus,
  isPaymentStatus,
} from './payment-status';

// Written out by hand from the contract, not derived from the table under test.
const ALLOWED: ReadonlyArray<[PaymentStatus, PaymentStatus]> = [
  ['PENDING', 'PROCESSING'],
  ['PROCESSING', 'PAID'],
  ['PROCESSING', 'FAILED'],
  ['PENDING', 'CANCELLED'],
];
const isAllowed = (from: PaymentStatus, to: PaymentStatus): boolean =>
  ALLOWED.some(([f, t]) => f === from && t === to);

const EVERY_PAIR = PAYMENT_STATUSES.flatMap((from) =>
  PAYMENT_STATUSES.map((to) => ({ from, to, allowed: isAllowed(from, to) })),
);

describe('the payment lifecycle table', () => {
  it('knows exactly the five statuses of the contract', () => {
    expect([...PAYMENT_STATUSES]).toEqual(['PENDING', 'PROCESSING', 'PAID', 'FAILED', 'CANCELLED']);
  });

  it.each(EVERY_PAIR)('$from → $to is allowed: $allowed', ({ from, to, allowed }) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('allows exactly four moves among all 25 pairs', () => {
    expect(EVERY_PAIR.filter((p) => canTransition(p.from, p.to))).toHaveLength(4);
  });

  it('never allows staying in the same status', () => {
    for (const status of PAYMENT_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('nothing leads back to PENDING', () => {
    for (const status of PAYMENT_STATUSES) expect(canTransition(status, 'PENDING')).toBe(false);
  });

  it('PAID, FAILED and CANCELLED are final', () => {
    expect(PAYMENT_STATUSES.filter(isFinalStatus)).toEqual(['PAID', 'FAILED', 'CANCELLED']);
  });

  it('recognises statuses exactly, case included', () => {
    expect(isPaymentStatus('PAID')).toBe(true);
    for (const bad of ['paid', 'REFUNDED', '', null, undefined, 1]) {
      expect(isPaymentStatus(bad)).toBe(false);
    }
  });
});
