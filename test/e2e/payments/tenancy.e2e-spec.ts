import request from 'supertest';
import {
  createAccount,
  createPayment,
  createQuote,
  expectProblem,
  type Http,
  moveInSandbox,
  PAYMENTS,
  type PaymentView,
  paymentItem,
  paymentRowById,
  postPayments,
  quoteUsedAt,
  unknownId,
  usePaymentsApp,
  writeCounts,
} from '../../support/payments-fixtures';

const ADMIN_KEY = 'admin_key_for_payments_tenancy_tests';

/** Every payment belongs to one account: another account's payment is answered exactly like a missing one. */
describe('payments across accounts', () => {
  const ctx = usePaymentsApp({ ADMIN_API_KEY: ADMIN_KEY });
  const a: Http = () => ctx.t.http();
  let b: Http;
  let payment: PaymentView;

  beforeAll(async () => {
    b = (await createAccount(ctx.t, ADMIN_KEY, 'Other Corp')).http;
    payment = await createPayment(a, { metadata: { owner: 'a' } });
  });

  /** A's payment is exactly as it was created: PENDING at version 1, one event. */
  async function expectUntouched(): Promise<void> {
    expect(await paymentRowById(ctx.db, payment.id)).toMatchObject({
      status: 'PENDING',
      version: 1,
    });
    expect((await a().get(`${PAYMENTS}/${payment.id}`).expect(200)).body).toEqual(payment);
  }

  /** The 404 another account gets has the same status, code, type and title as for an id nobody has. */
  function expectLikeMissing(res: request.Response, missing: request.Response): void {
    expectProblem(res, 404, 'payment-not-found');
    const { status, code, type, title } = missing.body;
    expect(res.body).toMatchObject({ status, code, type, title });
  }

  describe('GET /api/v1/payments/{id}', () => {
    it("answers another account's payment with 404 payment-not-found, as for an unknown id", async () => {
      expectLikeMissing(
        await b().get(`${PAYMENTS}/${payment.id}`),
        await b().get(`${PAYMENTS}/${unknownId()}`),
      );
    });
  });

  describe('GET /api/v1/payments', () => {
    it("never lists another account's payments, not even filtered by its externalRef", async () => {
      const own = await createPayment(b);
      const all = (await b().get(PAYMENTS).expect(200)).body;
      expect(all.data.map((p: PaymentView) => p.id)).toEqual([own.id]);
      const byRef = (
        await b()
          .get(`${PAYMENTS}?externalRef=${encodeURIComponent(payment.externalRef)}`)
          .expect(200)
      ).body;
      expect(byRef).toEqual({ data: [], nextCursor: null });
      const ownList = (await a().get(PAYMENTS).expect(200)).body;
      expect(ownList.data.map((p: PaymentView) => p.id)).not.toContain(own.id);
    });
  });

  describe('POST /api/v1/payments/{id}/cancel', () => {
    it("answers another account's payment with 404 and leaves it PENDING at version 1", async () => {
      expectLikeMissing(
        await b().post(`${PAYMENTS}/${payment.id}/cancel`),
        await b().post(`${PAYMENTS}/${unknownId()}/cancel`),
      );
      await expectUntouched();
    });
  });

  describe('POST /api/v1/sandbox/payments/{id}/status', () => {
    it("answers another account's payment with 404 and leaves it PENDING at version 1", async () => {
      expectLikeMissing(
        await moveInSandbox(b, payment.id, 'PROCESSING'),
        await moveInSandbox(b, unknownId(), 'PROCESSING'),
      );
      await expectUntouched();
    });
  });

  describe('POST /api/v1/payments', () => {
    it("using another account's quote → REJECTED quote-not-found; the quote stays unused and its owner can still use it", async () => {
      const quote = await createQuote(a);
      const before = await writeCounts(ctx.db);
      const res = await postPayments(b, [paymentItem(quote.id)]);
      expect(res.status).toBe(207);
      expect(res.body.results[0]).toMatchObject({
        outcome: 'REJECTED',
        error: { code: 'quote-not-found' },
      });
      expect(await writeCounts(ctx.db)).toEqual(before);
      expect(await quoteUsedAt(ctx.db, quote.id)).toBeNull();
      await postPayments(a, [paymentItem(quote.id)]).expect(201);
    });

    it("another account's quote in an atomic batch → 422 naming it quote-not-found", async () => {
      const quote = await createQuote(a);
      const res = await postPayments(b, [paymentItem(quote.id)], true);
      expectProblem(res, 422, 'batch-rejected');
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'payments[0].quoteId', code: 'quote-not-found' }),
      ]);
    });

    it('externalRef is unique per account: the same key in another account is a new payment, not a replay or a conflict', async () => {
      const quote = await createQuote(b);
      const res = await postPayments(b, [
        paymentItem(quote.id, { externalRef: payment.externalRef }),
      ]);
      expect(res.status).toBe(201);
      expect(res.body.results[0]).toMatchObject({
        outcome: 'CREATED',
        externalRef: payment.externalRef,
      });
      expect(res.body.results[0].payment.id).not.toBe(payment.id);
      await expectUntouched();
    });
  });

  describe('authentication', () => {
    it.each([
      ['POST', PAYMENTS],
      ['GET', PAYMENTS],
      ['GET', `${PAYMENTS}/:id`],
      ['POST', `${PAYMENTS}/:id/cancel`],
      ['POST', '/api/v1/sandbox/payments/:id/status'],
    ])('%s %s without an API key or with an unknown one → 401', async (method, path) => {
      const url = path.replace(':id', payment.id);
      const server = ctx.t.app.getHttpServer();
      const call = (r: request.Test) =>
        r.send(method === 'POST' ? { status: 'PROCESSING' } : undefined);
      const anonymous = await call(
        method === 'POST' ? request(server).post(url) : request(server).get(url),
      );
      expectProblem(anonymous, 401, 'unauthorized');
      const wrongKey = await call(
        (method === 'POST' ? request(server).post(url) : request(server).get(url)).set(
          'Authorization',
          'Bearer sk_unknown_key_123',
        ),
      );
      expectProblem(wrongKey, 401, 'unauthorized');
      await expectUntouched();
    });
  });
});
