import { refusedWithNothingWritten } from '../../support/payment-refusals';
import {
  createQuote,
  newRef,
  paymentItem,
  postPayments,
  usePaymentsApp,
} from '../../support/payments-fixtures';

/** POST /api/v1/payments: lengths and characters of the text fields and metadata, and the limits themselves accepted. */
describe('POST /api/v1/payments — text limits', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();
  const expectRefusedWithNothingWritten = refusedWithNothingWritten(ctx);

  describe('text limits', () => {
    it.each([
      ['externalRef of 65 characters', 'payments[0].externalRef', { externalRef: 'x'.repeat(65) }],
      ['empty externalRef', 'payments[0].externalRef', { externalRef: '' }],
      [
        'externalRef with a control character',
        'payments[0].externalRef',
        { externalRef: 'order\u00071' },
      ],
      ['externalRef with a newline', 'payments[0].externalRef', { externalRef: 'order\n1' }],
      [
        'externalRef with a zero-width space',
        'payments[0].externalRef',
        { externalRef: 'order\u200b1' },
      ],
      [
        'beneficiary.name of 141 characters',
        'payments[0].beneficiary.name',
        { beneficiary: { name: 'n'.repeat(141), accountNumber: '1' } },
      ],
      [
        'beneficiary.accountNumber of 35 characters',
        'payments[0].beneficiary.accountNumber',
        { beneficiary: { name: 'A', accountNumber: '1'.repeat(35) } },
      ],
      ['reference of 141 characters', 'payments[0].reference', { reference: 'r'.repeat(141) }],
      ['purpose of 65 characters', 'payments[0].purpose', { purpose: 'p'.repeat(65) }],
      [
        'metadata with 21 keys',
        'payments[0].metadata',
        { metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) },
      ],
      [
        'a metadata value of 501 characters',
        'payments[0].metadata',
        { metadata: { note: 'v'.repeat(501) } },
      ],
      ['a non-string metadata value', 'payments[0].metadata', { metadata: { n: 1 } as never }],
      ['metadata as an array', 'payments[0].metadata', { metadata: ['a'] as never }],
    ])('%s → 400 naming %s, nothing written', async (_what, field, overrides) => {
      const quote = await createQuote(http);
      await expectRefusedWithNothingWritten(
        { payments: [paymentItem(quote.id, overrides)] },
        [field],
        [quote.id],
      );
    });

    it('accepts the limits themselves: externalRef of 64 printable characters (with spaces), 20 metadata keys, values of 500 characters', async () => {
      const quote = await createQuote(http);
      const externalRef = `${newRef('max')} `.padEnd(64, 'é');
      const metadata = Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v'.repeat(500)]),
      );
      const res = await postPayments(http, [
        paymentItem(quote.id, {
          externalRef,
          metadata,
          reference: 'r'.repeat(140),
          purpose: 'p'.repeat(64),
        }),
      ]).expect(201);
      expect(res.body.results[0].payment).toMatchObject({ externalRef, metadata });
    });
  });
});
