import { CountryCode, CurrencyCode, Money, newId } from '../../shared/domain';
import { Beneficiary } from './beneficiary';
import { Payment } from './payment';
import { PaymentDetails } from './payment-details';
import { PaymentStatus } from './payment-status';
import {
  USD,
  T0,
  at,
  accountId,
  quote,
  detailsFor,
  newPayment,
  storedIn,
} from './payment.spec-fixtures';

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
  });

  it('a restored payment expects the version it was loaded with, whatever it changes', () => {
    const payment = storedIn('PENDING');
    expect([payment.persistedVersion, payment.version]).toEqual([1, 1]);
    payment.markProcessing(at(1));
    payment.markPaid(at(2));
    expect(payment.version).toBe(3);
    expect(payment.persistedVersion).toBe(1);
  });

  it('once written, a payment expects the version it was written with', () => {
    const payment = newPayment();
    payment.markPersisted();
    expect(payment.persistedVersion).toBe(1);
    payment.cancel(at(1));
    expect(payment.persistedVersion).toBe(1);
    payment.markPersisted();
    expect(payment.persistedVersion).toBe(2);
    expect(payment.version).toBe(2);
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
