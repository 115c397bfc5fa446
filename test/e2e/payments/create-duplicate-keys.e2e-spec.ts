import { refusedWithNothingWritten } from '../../support/payment-refusals';
import {
  createQuotes,
  newRef,
  paymentItem,
  paymentRowsByRef,
  problemFields,
  usePaymentsApp,
  writeCounts,
} from '../../support/payments-fixtures';

/** POST /api/v1/payments: the same externalRef or quoteId twice in one request is a 400 naming both items, nothing written. */
describe('POST /api/v1/payments — the same key twice in one request', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();
  const expectRefusedWithNothingWritten = refusedWithNothingWritten(ctx);

  describe('the same key twice in one request', () => {
    it('the same externalRef twice → 400 naming both items, nothing written', async () => {
      const quotes = await createQuotes(http, 3);
      const externalRef = newRef('dup');
      const body = {
        payments: [
          paymentItem(quotes[0].id, { externalRef }),
          paymentItem(quotes[1].id),
          paymentItem(quotes[2].id, { externalRef }),
        ],
      };
      await expectRefusedWithNothingWritten(
        body,
        ['payments[0].externalRef', 'payments[2].externalRef'],
        quotes.map((q) => q.id),
      );
      expect(await paymentRowsByRef(ctx.db, externalRef)).toHaveLength(0);
    });

    it('the same quoteId twice → 400 naming both items, nothing written', async () => {
      const quotes = await createQuotes(http, 2);
      const body = {
        payments: [paymentItem(quotes[0].id), paymentItem(quotes[1].id), paymentItem(quotes[0].id)],
      };
      await expectRefusedWithNothingWritten(
        body,
        ['payments[0].quoteId', 'payments[2].quoteId'],
        quotes.map((q) => q.id),
      );
    });

    it('the same externalRef twice in an atomic request is refused the same way (400, not 409/422)', async () => {
      const quotes = await createQuotes(http, 2);
      const externalRef = newRef('dup');
      const body = {
        atomic: true,
        payments: [
          paymentItem(quotes[0].id, { externalRef }),
          paymentItem(quotes[1].id, { externalRef }),
        ],
      };
      const before = await writeCounts(ctx.db);
      const res = await http().post('/api/v1/payments').send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation-failed');
      expect(problemFields(res)).toContain('payments[1].externalRef');
      expect(await writeCounts(ctx.db)).toEqual(before);
    });
  });
});
