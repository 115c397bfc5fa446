import { refusedWithNothingWritten } from '../../support/payment-refusals';
import {
  beneficiaryFor,
  createQuote,
  paymentItem,
  postPayments,
  usePaymentsApp,
} from '../../support/payments-fixtures';

/** POST /api/v1/payments: the quote's currency decides the decimals; amounts out of bounds are 400, nothing written. */
describe('POST /api/v1/payments — amounts: per-currency decimals and bounds', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();
  const expectRefusedWithNothingWritten = refusedWithNothingWritten(ctx);

  describe('per-currency decimals (the quote decides the currency)', () => {
    it.each([
      ['JPY', '1500', '1500', '150', 'JP'],
      ['JPY', 1500, '1500', '150', 'JP'],
      ['USD', '12.3', '12.30', '1.00', 'US'],
      ['USD', '12.34', '12.34', '1.00', 'US'],
      ['KWD', '1.234', '1.234', '0.500', 'KW'],
      ['KWD', '2', '2.000', '0.500', 'KW'],
    ])(
      '%s: amount %j is created as %j with fee %j',
      async (currency, amount, expected, fee, country) => {
        const quote = await createQuote(http, currency, country);
        const item = paymentItem(quote.id, { amount, beneficiary: beneficiaryFor(country) });
        const res = await postPayments(http, [item]).expect(201);
        expect(res.body.results[0].payment).toMatchObject({
          amount: expected,
          currency,
          country,
          fee: { amount: fee, currency },
        });
      },
    );

    it.each([
      ['JPY', '1500.5', 'JP'],
      ['JPY', 1500.5, 'JP'],
      ['JPY', '1500.0', 'JP'],
      ['USD', '12.345', 'US'],
      ['USD', 0.001, 'US'],
      ['KWD', '1.2345', 'KW'],
    ])(
      '%s: amount %j has too many decimals → 400 naming payments[1].amount, nothing written',
      async (currency, amount, country) => {
        const [good, bad] = [
          await createQuote(http, currency, country),
          await createQuote(http, currency, country),
        ];
        const body = {
          payments: [paymentItem(good.id, { amount: '1' }), paymentItem(bad.id, { amount })],
        };
        await expectRefusedWithNothingWritten(body, ['payments[1].amount'], [good.id, bad.id]);
      },
    );
  });

  describe('amount bounds', () => {
    it.each([
      ['0'],
      ['0.00'],
      [0],
      ['-5'],
      [-5],
      ['1000000000000.01'],
      ['1000000000001'],
      [1e13],
      [1e21],
      ['1e3'],
      ['12,50'],
      [' 12'],
      ['abc'],
      [''],
      [null],
      [true],
      [{}],
    ])('amount %j → 400 naming payments[0].amount, nothing written', async (amount) => {
      const quote = await createQuote(http);
      await expectRefusedWithNothingWritten(
        { payments: [paymentItem(quote.id, { amount: amount as string })] },
        ['payments[0].amount'],
        [quote.id],
      );
    });
  });
});
