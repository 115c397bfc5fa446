import { refusedWithNothingWritten } from '../../support/payment-refusals';
import {
  createQuote,
  createQuotes,
  expectProblem,
  paymentItem,
  problemFields,
  unknownId,
  usePaymentsApp,
} from '../../support/payments-fixtures';

/** POST /api/v1/payments: a malformed array or item, unknown and missing fields, each named by its path (400, nothing written). */
describe('POST /api/v1/payments — the payments array, unknown and missing fields', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();
  const expectRefusedWithNothingWritten = refusedWithNothingWritten(ctx);

  describe('the payments array', () => {
    it('refuses an empty array with 400 naming payments', async () => {
      await expectRefusedWithNothingWritten({ payments: [] }, ['payments']);
    });

    it('refuses 101 items with 400 naming payments, nothing written', async () => {
      const quotes = await createQuotes(http, 2);
      const quoteIds = [
        quotes[0].id,
        ...Array.from({ length: 99 }, () => unknownId()),
        quotes[1].id,
      ];
      await expectRefusedWithNothingWritten(
        { payments: quoteIds.map((id) => paymentItem(id)) },
        ['payments'],
        [quotes[0].id, quotes[1].id],
      );
    });

    it.each([
      [{}, ['payments']],
      [{ payments: null }, ['payments']],
      [{ payments: 'x' }, ['payments']],
    ])('refuses %j with 400 naming %j', async (body, fields) => {
      await expectRefusedWithNothingWritten(body, fields);
    });

    it.each([[42], [null], ['x'], [[]]])(
      'refuses the item %j with 400 naming payments[0]',
      async (item) => {
        const res = await http()
          .post('/api/v1/payments')
          .send({ payments: [item] });
        expectProblem(res, 400, 'validation-failed');
        expect(problemFields(res)).toContain('payments[0]');
      },
    );

    it('refuses a non-boolean atomic with 400 naming atomic', async () => {
      const quote = await createQuote(http);
      await expectRefusedWithNothingWritten(
        { atomic: 'yes', payments: [paymentItem(quote.id)] },
        ['atomic'],
        [quote.id],
      );
    });
  });

  describe('unknown and missing fields are named by their path', () => {
    it('an unknown top-level field → 400 naming it, nothing written', async () => {
      const quote = await createQuote(http);
      await expectRefusedWithNothingWritten(
        { payments: [paymentItem(quote.id)], foo: 1 },
        ['foo'],
        [quote.id],
      );
    });

    it('an unknown field in an item → 400 naming payments[1].foo', async () => {
      const quotes = await createQuotes(http, 2);
      await expectRefusedWithNothingWritten(
        { payments: [paymentItem(quotes[0].id), paymentItem(quotes[1].id, { foo: 'bar' })] },
        ['payments[1].foo'],
        quotes.map((q) => q.id),
      );
    });

    it('an unknown field in a beneficiary → 400 naming payments[0].beneficiary.foo', async () => {
      const quote = await createQuote(http);
      const item = paymentItem(quote.id, {
        beneficiary: { name: 'A', accountNumber: '1', foo: 'x' } as never,
      });
      await expectRefusedWithNothingWritten(
        { payments: [item] },
        ['payments[0].beneficiary.foo'],
        [quote.id],
      );
    });

    it.each([['quoteId'], ['externalRef'], ['amount'], ['beneficiary']])(
      'a missing %s → 400 naming it by its path payments[0].<field>',
      async (field) => {
        const quote = await createQuote(http);
        const item: Record<string, unknown> = { ...paymentItem(quote.id) };
        delete item[field];
        await expectRefusedWithNothingWritten(
          { payments: [item] },
          [`payments[0].${field}`],
          [quote.id],
        );
      },
    );

    it.each([['name'], ['accountNumber']])(
      'a missing beneficiary.%s → 400 naming it by its path payments[0].beneficiary.<field>',
      async (field) => {
        const quote = await createQuote(http);
        const beneficiary: Record<string, string> = {
          name: 'Asha Rao',
          accountNumber: '50100012345678',
        };
        delete beneficiary[field];
        await expectRefusedWithNothingWritten(
          { payments: [paymentItem(quote.id, { beneficiary: beneficiary as never })] },
          [`payments[0].beneficiary.${field}`],
          [quote.id],
        );
      },
    );

    it('names every malformed field of every item in one answer', async () => {
      const quotes = await createQuotes(http, 3);
      const body = {
        payments: [
          paymentItem(quotes[0].id),
          paymentItem(quotes[1].id, { quoteId: 'not-a-uuid', amount: '-1' }),
          paymentItem(quotes[2].id, { beneficiary: { name: '', accountNumber: '1' } }),
        ],
      };
      await expectRefusedWithNothingWritten(
        body,
        ['payments[1].amount', 'payments[1].quoteId', 'payments[2].beneficiary.name'],
        quotes.map((q) => q.id),
      );
    });
  });
});
