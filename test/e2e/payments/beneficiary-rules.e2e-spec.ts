import {
  beneficiaryFor,
  createQuote,
  expectProblem,
  expectValidationFailed,
  type Http,
  paymentItem,
  paymentRowsByRef,
  postPayments,
  quoteUsedAt,
  usePaymentsApp,
  writeCounts,
} from '../../support/payments-fixtures';

/** POST /api/v1/payments: the quote's corridor decides the beneficiary formats and the amount limits. */
describe('POST /api/v1/payments — corridor rules', () => {
  const ctx = usePaymentsApp();
  const http: Http = () => ctx.t.http();

  /** A good US item first, then `bad` for a quote of `currency`/`country`. */
  async function batchWithBad(currency: string, country: string, beneficiary: object) {
    const good = paymentItem((await createQuote(http)).id);
    const quote = await createQuote(http, currency, country);
    const bad = paymentItem(quote.id, {
      amount: '150.00',
      beneficiary: { ...beneficiaryFor(country), ...beneficiary },
    });
    return { items: [good, bad], quoteIds: [good.quoteId, quote.id] };
  }

  describe('a beneficiary that breaks its corridor format is a malformed request', () => {
    it.each([
      [
        'an IBAN with a bad checksum',
        'EUR',
        'DE',
        { accountNumber: 'DE89370400440532013001' },
        'accountNumber',
        'invalid-iban',
      ],
      [
        "another country's IBAN",
        'EUR',
        'DE',
        { accountNumber: 'FR1420041010050500013M02606' },
        'accountNumber',
        'invalid-iban',
      ],
      [
        'a malformed BIC',
        'EUR',
        'FR',
        { accountNumber: 'FR1420041010050500013M02606', bankCode: 'BNPAFRP' },
        'bankCode',
        'invalid-bic',
      ],
      [
        'a routing number with a bad checksum',
        'USD',
        'US',
        { bankCode: '021000022' },
        'bankCode',
        'invalid-routing-number',
      ],
      ['no routing number', 'USD', 'US', { bankCode: null }, 'bankCode', 'invalid-routing-number'],
      ['a malformed IFSC', 'INR', 'IN', { bankCode: 'HDFC1000123' }, 'bankCode', 'invalid-ifsc'],
      [
        'a 7-digit sort code',
        'GBP',
        'GB',
        { accountNumber: '31926819', bankCode: '6016131' },
        'bankCode',
        'invalid-sort-code',
      ],
    ])(
      '%s → 400 validation-failed naming payments[1].beneficiary.<field>, nothing written',
      async (_, currency, country, beneficiary, field, code) => {
        for (const atomic of [false, true]) {
          const { items, quoteIds } = await batchWithBad(currency, country, beneficiary);
          const before = await writeCounts(ctx.db);
          const res = await postPayments(http, items, atomic);
          expectValidationFailed(res, [`payments[1].beneficiary.${field}`]);
          expect(res.body.errors[0]).toMatchObject({
            code,
            message: expect.stringContaining(`payments[1].beneficiary.${field}`),
          });
          expect(await writeCounts(ctx.db)).toEqual(before);
          for (const id of quoteIds) expect(await quoteUsedAt(ctx.db, id)).toBeNull();
        }
      },
    );

    it('GB/GBP takes an IBAN or a sort code with an 8-digit account number', async () => {
      for (const beneficiary of [
        { name: 'Jane Smith', accountNumber: 'GB29NWBK60161331926819' },
        { name: 'Jane Smith', accountNumber: '31926819', bankCode: '60-16-13' },
      ]) {
        const quote = await createQuote(http, 'GBP', 'GB');
        const res = await postPayments(http, [paymentItem(quote.id, { beneficiary })]).expect(201);
        expect(res.body.results[0].payment.beneficiary.bankCode).toBe(
          beneficiary.bankCode ? '601613' : null,
        );
      }
    });
  });

  describe('details are stored in their normalised form, and replays compare that form', () => {
    it('"de89 3704 0044 0532 0130 00" and "DE89370400440532013000" are one payment', async () => {
      const quote = await createQuote(http, 'EUR', 'DE');
      const spaced = paymentItem(quote.id, {
        beneficiary: {
          name: 'Erika Mustermann',
          accountNumber: 'de89 3704 0044 0532 0130 00',
          bankCode: 'deutdeff',
        },
      });
      const created = await postPayments(http, [spaced]).expect(201);
      const payment = created.body.results[0].payment;
      expect(payment.beneficiary).toEqual({
        name: 'Erika Mustermann',
        accountNumber: 'DE89370400440532013000',
        bankCode: 'DEUTDEFF',
      });
      const [row] = await paymentRowsByRef(ctx.db, spaced.externalRef);
      expect(row.beneficiary).toEqual(payment.beneficiary);

      const before = await writeCounts(ctx.db);
      const compact = {
        ...spaced,
        beneficiary: {
          ...spaced.beneficiary,
          accountNumber: 'DE89370400440532013000',
          bankCode: 'DEUTDEFF',
        },
      };
      for (const retry of [spaced, compact]) {
        const res = await postPayments(http, [retry]).expect(200);
        expect(res.body.results[0]).toMatchObject({
          outcome: 'REPLAYED',
          payment: { id: payment.id },
        });
      }
      expect(await writeCounts(ctx.db)).toEqual(before);
    });
  });

  describe('amount limits are business rules of each item', () => {
    it('below the minimum → that item REJECTED amount-out-of-range (207), the others created, its quote still usable', async () => {
      const good = paymentItem((await createQuote(http)).id);
      const inr = await createQuote(http, 'INR', 'IN');
      const low = paymentItem(inr.id, { amount: '99.99', beneficiary: beneficiaryFor('IN') });
      const res = await postPayments(http, [good, low]).expect(207);
      expect(res.body.results[0].outcome).toBe('CREATED');
      expect(res.body.results[1]).toEqual({
        index: 1,
        externalRef: low.externalRef,
        outcome: 'REJECTED',
        error: {
          code: 'amount-out-of-range',
          detail: "amount 99.99 INR is below the corridor's minimum of 100.00 INR",
        },
      });
      expect(await quoteUsedAt(ctx.db, inr.id)).toBeNull();
      await postPayments(http, [{ ...low, amount: '100.00' }]).expect(201);
    });

    it('above the maximum in atomic mode → 422 naming payments[i].amount, nothing written', async () => {
      const good = paymentItem((await createQuote(http)).id);
      const de = await createQuote(http, 'EUR', 'DE');
      const high = paymentItem(de.id, { amount: '1000000.01', beneficiary: beneficiaryFor('DE') });
      const before = await writeCounts(ctx.db);
      const res = await postPayments(http, [good, high], true);
      expectProblem(res, 422, 'batch-rejected');
      expect(res.body.errors).toEqual([
        {
          field: 'payments[1].amount',
          code: 'amount-out-of-range',
          message: expect.stringMatching(/above the corridor's maximum of 1000000.00 EUR/),
        },
      ]);
      expect(await writeCounts(ctx.db)).toEqual(before);
      expect(await quoteUsedAt(ctx.db, good.quoteId)).toBeNull();
    });
  });
});
