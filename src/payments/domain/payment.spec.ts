import { CountryCode, CurrencyCode, DomainError, Money, newId } from '../../shared/domain';
import { Beneficiary } from './beneficiary';
import { Payment } from './payment';
import { PaymentDetails, PaymentDetailsProps } from './payment-details';
import { PaymentQuoteTerms } from './payment-quote-terms';
import { PAYMENT_STATUSES, PaymentStatus } from './payment-status';

const USD = CurrencyCode.of('USD');
const T0 = new Date('2026-11-24T05:37:19.123Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
const accountId = newId();

const quote = (currency = USD, fee = '25.00'): PaymentQuoteTerms => ({
  id: newId(),
  currency,
  country: CountryCode.of('IN'),
  fee: Money.parsePositive(fee, currency),
});

const detailsFor = (terms: PaymentQuoteTerms, overrides: Partial<PaymentDetailsProps> = {}) =>
  PaymentDetails.create({
    quoteId: terms.id,
    beneficiary: Beneficiary.create({ name: 'Asha Rao', accountNumber: '50100012345678' }),
    ...overrides,
    amount: overrides.amount ?? Money.parsePositive('1250.50', terms.currency),
  });

const newPayment = (terms = quote(), overrides: Partial<PaymentDetailsProps> = {}): Payment =>
  Payment.create({
    accountId,
    externalRef: 'order-8812',
    details: detailsFor(terms, overrides),
    quote: terms,
    now: T0,
  });

/** A stored payment in the given status, as a repository would load it. */
const storedIn = (status: PaymentStatus): Payment =>
  Payment.restore({
    ...newPayment().toState(),
    status,
    failureReason: status === 'FAILED' ? 'beneficiary account closed' : null,
    version: status === 'PENDING' ? 1 : 3,
  });

/** Every status has one command that moves a payment into it, except PENDING (creation only). */
const moveTo: Record<Exclude<PaymentStatus, 'PENDING'>, (p: Payment, now: Date) => void> = {
  PROCESSING: (p, now) => p.markProcessing(now),
  PAID: (p, now) => p.markPaid(now),
  FAILED: (p, now) => p.markFailed('beneficiary account closed', now),
  CANCELLED: (p, now) => p.cancel(now),
};
const ALLOWED = ['PENDING→PROCESSING', 'PROCESSING→PAID', 'PROCESSING→FAILED', 'PENDING→CANCELLED'];
const EVERY_MOVE = PAYMENT_STATUSES.flatMap((from) =>
  (Object.keys(moveTo) as Array<keyof typeof moveTo>).map((to) => ({
    from,
    to,
    allowed: ALLOWED.includes(`${from}→${to}`),
  })),
);

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

describe('Payment creation', () => {
  it('a new payment is PENDING at version 1 with its quote currency, country and fee', () => {
    const terms = quote();
    const payment = Payment.create({
      accountId,
      externalRef: 'order-8812',
      details: detailsFor(terms),
      quote: terms,
      now: T0,
    });
    expect(payment).toMatchObject({
      status: 'PENDING',
      version: 1,
      quoteId: terms.id,
      country: terms.country,
      fee: terms.fee,
    });
    expect(payment.currency.code).toBe('USD');
    expect(payment.createdAt).toEqual(T0);
    expect(payment.updatedAt).toEqual(T0);
    expect(payment.pullEvents().map((e) => e.type)).toEqual(['payment.created']);
  });

  it('a new payment gets a UUID v7 unless given one', () => {
    expect(newPayment().id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const id = newId();
    const terms = quote();
    expect(
      Payment.create({
        id,
        accountId,
        externalRef: 'r',
        details: detailsFor(terms),
        quote: terms,
        now: T0,
      }).id,
    ).toBe(id);
  });

  it('a payment cannot use details written for another quote', () => {
    const terms = quote();
    const details = detailsFor(quote());
    expect(() =>
      Payment.create({ accountId, externalRef: 'r', details, quote: terms, now: T0 }),
    ).toThrow(expect.objectContaining({ code: 'quote-mismatch' }));
  });

  it('a payment cannot be in another currency than its quote', () => {
    const terms = quote();
    const details = detailsFor(terms, {
      amount: Money.parsePositive('1250', CurrencyCode.of('JPY')),
    });
    expect(() =>
      Payment.create({ accountId, externalRef: 'r', details, quote: terms, now: T0 }),
    ).toThrow(expect.objectContaining({ code: 'currency-mismatch' }));
  });

  it('a fee may be zero', () => {
    const terms = { ...quote(), fee: Money.ofMinor(0n, USD) };
    expect(newPayment(terms).toView().fee).toEqual({ amount: '0.00', currency: 'USD' });
  });

  it('an invalid externalRef is refused', () => {
    const terms = quote();
    expect(() =>
      Payment.create({
        accountId,
        externalRef: 'bad\nref',
        details: detailsFor(terms),
        quote: terms,
        now: T0,
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid-external-ref' }));
  });

  it('the content used for replays is the one the client sent', () => {
    const terms = quote();
    const payment = newPayment(terms, { metadata: { b: '2', a: '1' } });
    expect(payment.details.sameContentAs(detailsFor(terms, { metadata: { a: '1', b: '2' } }))).toBe(
      true,
    );
    expect(payment.details.sameContentAs(detailsFor(terms, { reference: 'other' }))).toBe(false);
  });
});

describe('Payment storage', () => {
  it('restoring a payment records no event', () => {
    expect(Payment.restore(newPayment().toState()).pullEvents()).toEqual([]);
  });

  it('a payment round-trips through its state unchanged', () => {
    const payment = newPayment(quote(), {
      reference: 'Invoice 8812',
      metadata: { orderId: '8812' },
    });
    payment.markProcessing(at(2));
    expect(Payment.restore(payment.toState()).toView()).toEqual(payment.toView());
  });

  it('a new payment has no persisted version: it is inserted', () => {
    const payment = newPayment();
    expect(payment.persistedVersion).toBeNull();
    expect(payment.hasUnsavedChanges).toBe(true);
  });

  it('a restored payment expects the version it was loaded with, whatever it changes', () => {
    const payment = storedIn('PENDING');
    expect(payment.persistedVersion).toBe(1);
    expect(payment.hasUnsavedChanges).toBe(false);
    payment.markProcessing(at(1));
    payment.markPaid(at(2));
    expect(payment.version).toBe(3);
    expect(payment.persistedVersion).toBe(1);
    expect(payment.hasUnsavedChanges).toBe(true);
  });

  it('once written, a payment expects the version it was written with', () => {
    const payment = newPayment();
    payment.markPersisted();
    expect(payment.persistedVersion).toBe(1);
    payment.cancel(at(1));
    expect(payment.persistedVersion).toBe(1);
    payment.markPersisted();
    expect(payment.persistedVersion).toBe(2);
    expect(payment.hasUnsavedChanges).toBe(false);
  });

  it.each<[string, Partial<ReturnType<Payment['toState']>>]>([
    ['a FAILED payment without reason', { status: 'FAILED', failureReason: null }],
    ['a reason on a payment that did not fail', { status: 'PAID', failureReason: 'x' }],
    ['version 0', { version: 0 }],
    ['a fractional version', { version: 1.5 }],
    ['an unknown status', { status: 'REFUNDED' as PaymentStatus }],
    ['a fee in another currency', { fee: Money.ofMinor(1n, CurrencyCode.of('EUR')) }],
    ['an invalid date', { updatedAt: new Date('nope') }],
  ])('an inconsistent stored payment is refused: %s', (_, damage) => {
    expect(() => Payment.restore({ ...newPayment().toState(), ...damage })).toThrow(/payment/);
  });

  it('dates handed out are copies', () => {
    const payment = newPayment();
    payment.createdAt.setTime(0);
    payment.toState().updatedAt.setTime(0);
    expect(payment.createdAt).toEqual(T0);
    expect(payment.updatedAt).toEqual(T0);
  });
});

describe('Payment view', () => {
  it('is the Payment object of the contract', () => {
    const terms = { ...quote(CurrencyCode.of('INR')), country: CountryCode.of('IN') };
    const payment = Payment.create({
      accountId,
      externalRef: 'order-8812',
      details: PaymentDetails.create({
        quoteId: terms.id,
        amount: Money.parsePositive('1250.50', terms.currency),
        beneficiary: Beneficiary.create({
          name: 'Asha Rao',
          accountNumber: '50100012345678',
          bankCode: 'HDFC0000123',
        }),
        reference: 'Invoice 8812',
        purpose: 'SUPPLIER_PAYMENT',
        metadata: { orderId: '8812' },
      }),
      quote: terms,
      now: T0,
    });
    expect(payment.toView()).toStrictEqual({
      id: payment.id,
      externalRef: 'order-8812',
      quoteId: terms.id,
      status: 'PENDING',
      amount: '1250.50',
      currency: 'INR',
      country: 'IN',
      fee: { amount: '25.00', currency: 'INR' },
      beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: 'HDFC0000123' },
      reference: 'Invoice 8812',
      purpose: 'SUPPLIER_PAYMENT',
      metadata: { orderId: '8812' },
      failureReason: null,
      version: 1,
      createdAt: '2026-11-24T05:37:19.123Z',
      updatedAt: '2026-11-24T05:37:19.123Z',
    });
  });

  it.each([
    ['JPY', '1250', '25', '1250', '25'],
    ['USD', '1250.5', '25', '1250.50', '25.00'],
    ['KWD', '1250.5', '0.25', '1250.500', '0.250'],
  ])(
    'amounts in %s have exactly its minor-unit decimals',
    (code, amount, fee, shownAmount, shownFee) => {
      const currency = CurrencyCode.of(code);
      const terms = quote(currency, fee);
      const view = newPayment(terms, { amount: Money.parsePositive(amount, currency) }).toView();
      expect([view.amount, view.currency, view.fee]).toEqual([
        shownAmount,
        code,
        { amount: shownFee, currency: code },
      ]);
    },
  );

  it('absent optional fields have a stable shape: null, and {} for metadata', () => {
    const view = newPayment().toView();
    expect(view).toMatchObject({
      reference: null,
      purpose: null,
      metadata: {},
      failureReason: null,
    });
    expect(view.beneficiary).toStrictEqual({
      name: 'Asha Rao',
      accountNumber: '50100012345678',
      bankCode: null,
    });
  });

  it('is plain JSON that survives serialisation unchanged', () => {
    const view = newPayment(quote(), { metadata: { orderId: '8812' } }).toView();
    expect(JSON.parse(JSON.stringify(view))).toStrictEqual(view);
  });

  it('is a copy: changing it does not change the payment', () => {
    const payment = newPayment(quote(), { metadata: { orderId: '8812' } });
    payment.toView().metadata.orderId = 'changed';
    expect(payment.toView().metadata).toEqual({ orderId: '8812' });
  });
});
