import {
  createQuote,
  createQuotes,
  ISO_UTC_MS,
  newRef,
  paymentItem,
  paymentRowsByRef,
  postPayments,
  quoteUsedAt,
  usePaymentsApp,
  UUID_V7,
  writeCounts,
} from '../../support/payments-fixtures';

/** POST /api/v1/payments: the 201 answer and the stored rows, optional fields, batches up to 100 items. */
describe('POST /api/v1/payments — what a created payment looks like', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();

  describe('a created payment', () => {
    it('answers 201 with the Payment of API.md: amount with the currency exponent, fee/currency/country from the quote, PENDING at version 1, absent optional fields null, metadata {}', async () => {
      const quote = await createQuote(http, 'INR', 'IN');
      const item = {
        quoteId: quote.id,
        externalRef: newRef('order'),
        amount: '1250.5',
        beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: 'HDFC0000123' },
      };
      const res = await postPayments(http, [item]);

      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.results).toHaveLength(1);
      const result = res.body.results[0];
      expect(Object.keys(result).sort()).toEqual(['externalRef', 'index', 'outcome', 'payment']);
      expect(result).toMatchObject({ index: 0, externalRef: item.externalRef, outcome: 'CREATED' });
      const payment = result.payment;
      expect(payment).toEqual({
        id: expect.stringMatching(UUID_V7),
        externalRef: item.externalRef,
        quoteId: quote.id,
        status: 'PENDING',
        amount: '1250.50',
        currency: 'INR',
        country: 'IN',
        fee: { amount: '25.00', currency: 'INR' },
        beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: 'HDFC0000123' },
        reference: null,
        purpose: null,
        metadata: {},
        failureReason: null,
        version: 1,
        createdAt: expect.stringMatching(ISO_UTC_MS),
        updatedAt: payment.createdAt,
      });

      const rows = await paymentRowsByRef(ctx.db, item.externalRef);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id: payment.id,
        status: 'PENDING',
        amount_minor: '125050',
        fee_minor: '2500',
        currency: 'INR',
        country: 'IN',
        version: 1,
        metadata: {},
      });
      expect(await quoteUsedAt(ctx.db, quote.id)).not.toBeNull();
    });

    it('keeps every optional field as sent (bankCode, reference, purpose, metadata)', async () => {
      const quote = await createQuote(http);
      const item = paymentItem(quote.id, {
        amount: '10',
        beneficiary: {
          name: 'Jane Roe',
          accountNumber: '000123456789',
          bankCode: '026009593',
        },
        reference: 'Invoice 8812',
        purpose: 'SUPPLIER_PAYMENT',
        metadata: { orderId: '8812', team: 'ops' },
      });
      const res = await postPayments(http, [item]).expect(201);
      expect(res.body.results[0].payment).toMatchObject({
        amount: '10.00',
        currency: 'USD',
        country: 'US',
        fee: { amount: '1.00', currency: 'USD' },
        beneficiary: {
          name: 'Jane Roe',
          accountNumber: '000123456789',
          bankCode: '026009593',
        },
        reference: 'Invoice 8812',
        purpose: 'SUPPLIER_PAYMENT',
        metadata: { orderId: '8812', team: 'ops' },
      });
    });

    it('accepts the amount as a JSON number and answers it as a decimal string', async () => {
      const quote = await createQuote(http);
      const res = await postPayments(http, [paymentItem(quote.id, { amount: 1250.5 })]).expect(201);
      expect(res.body.results[0].payment.amount).toBe('1250.50');
      expect(
        (await paymentRowsByRef(ctx.db, res.body.results[0].externalRef))[0].amount_minor,
      ).toBe('125050');
    });

    it('accepts exactly 1e12 (the maximum)', async () => {
      const quote = await createQuote(http);
      const res = await postPayments(http, [
        paymentItem(quote.id, { amount: '1000000000000' }),
      ]).expect(201);
      expect(res.body.results[0].payment.amount).toBe('1000000000000.00');
    });

    it('creates every item of a batch, answering one result per item in request order', async () => {
      const quotes = await createQuotes(http, 3);
      const items = quotes.map((q, i) => paymentItem(q.id, { amount: `${i + 1}.00` }));
      const res = await postPayments(http, items).expect(201);
      expect(
        res.body.results.map(
          (r: {
            index: number;
            externalRef: string;
            outcome: string;
            payment: { amount: string };
          }) => [r.index, r.externalRef, r.outcome, r.payment.amount],
        ),
      ).toEqual(items.map((item, i) => [i, item.externalRef, 'CREATED', `${i + 1}.00`]));
    });

    it('accepts 100 items (the maximum)', async () => {
      const quotes = await createQuotes(http, 100);
      const items = quotes.map((q) => paymentItem(q.id));
      const before = await writeCounts(ctx.db);
      const res = await postPayments(http, items).expect(201);
      expect(res.body.results).toHaveLength(100);
      expect(
        res.body.results.every(
          (r: { outcome: string; externalRef: string }, i: number) =>
            r.outcome === 'CREATED' && r.externalRef === items[i].externalRef,
        ),
      ).toBe(true);
      const after = await writeCounts(ctx.db);
      expect(after.payments - before.payments).toBe(100);
      expect(after.events - before.events).toBe(100);
    });
  });
});
