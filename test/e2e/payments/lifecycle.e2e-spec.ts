import type { Response } from 'supertest';
import {
  createPayment,
  expectProblem,
  expectValidationFailed,
  moveInSandbox,
  outboxRowsOf,
  PAYMENTS,
  type PaymentView,
  paymentRowById,
  SANDBOX,
  unknownId,
  usePaymentsApp,
} from '../../support/payments-fixtures';

/**
 * Lifecycle: PENDING → PROCESSING → PAID | FAILED, and PENDING → CANCELLED. No other move.
 * Every refused move (409 invalid-state) must leave the row and the outbox as they were.
 */
describe('payment lifecycle', () => {
  const ctx = usePaymentsApp();
  const http = () => ctx.t.http();

  const cancel = (id: string) => http().post(`${PAYMENTS}/${id}/cancel`);

  /** Takes a payment through the given sandbox moves; each must succeed. */
  async function paymentIn(...moves: string[]): Promise<PaymentView> {
    let payment = await createPayment(http);
    for (const status of moves)
      payment = (await moveInSandbox(http, payment.id, status).expect(200)).body;
    return payment;
  }

  /** A refused move: 409 invalid-state, and neither the row nor its events changed. */
  async function expectRefusedMove(
    payment: PaymentView,
    move: () => Promise<Response>,
  ): Promise<void> {
    const eventsBefore = await outboxRowsOf(ctx.db, payment.id);
    const res = await move();
    expectProblem(res, 409, 'invalid-state');
    const row = await paymentRowById(ctx.db, payment.id);
    expect({
      status: row?.status,
      version: row?.version,
      failureReason: row?.failure_reason,
    }).toEqual({
      status: payment.status,
      version: payment.version,
      failureReason: payment.failureReason,
    });
    expect(await outboxRowsOf(ctx.db, payment.id)).toEqual(eventsBefore);
    expect((await http().get(`${PAYMENTS}/${payment.id}`).expect(200)).body).toEqual(payment);
  }

  describe('POST /api/v1/payments/{id}/cancel', () => {
    it('cancels a PENDING payment: 200, CANCELLED, version 2, updatedAt moves and createdAt stays', async () => {
      const payment = await createPayment(http);
      ctx.t.clock.advance(1_000);

      const res = await cancel(payment.id);

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...payment,
        status: 'CANCELLED',
        version: 2,
        updatedAt: expect.any(String),
      });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThanOrEqual(
        new Date(payment.createdAt).getTime() + 1_000,
      );
      expect(await paymentRowById(ctx.db, payment.id)).toMatchObject({
        status: 'CANCELLED',
        version: 2,
      });
      expect((await http().get(`${PAYMENTS}/${payment.id}`).expect(200)).body).toEqual(res.body);
    });

    it('cancelling twice → 409 invalid-state, still CANCELLED at version 2', async () => {
      const payment = await createPayment(http);
      const cancelled = (await cancel(payment.id).expect(200)).body;
      await expectRefusedMove(cancelled, () => cancel(payment.id));
    });

    it.each([[['PROCESSING']], [['PROCESSING', 'PAID']], [['PROCESSING', 'FAILED']]])(
      'cannot cancel a payment after %j → 409 invalid-state, unchanged',
      async (moves) => {
        const payment = await paymentIn(...moves);
        await expectRefusedMove(payment, () => cancel(payment.id));
      },
    );

    it('answers an unknown id with 404 payment-not-found, a non-uuid id with 404 too', async () => {
      expectProblem(await cancel(unknownId()), 404, 'payment-not-found');
      expectProblem(await cancel('not-a-uuid'), 404, 'payment-not-found');
    });
  });

  describe('POST /api/v1/sandbox/payments/{id}/status', () => {
    it('PENDING → PROCESSING → PAID: 200 each time, versions 2 then 3', async () => {
      const payment = await createPayment(http);
      const processing = await moveInSandbox(http, payment.id, 'PROCESSING');
      expect(processing.status).toBe(200);
      expect(processing.body).toEqual({
        ...payment,
        status: 'PROCESSING',
        version: 2,
        updatedAt: expect.any(String),
      });
      const paid = await moveInSandbox(http, payment.id, 'PAID');
      expect(paid.status).toBe(200);
      expect(paid.body).toEqual({
        ...payment,
        status: 'PAID',
        version: 3,
        updatedAt: expect.any(String),
      });
      expect(await paymentRowById(ctx.db, payment.id)).toMatchObject({
        status: 'PAID',
        version: 3,
        failure_reason: null,
      });
    });

    it('PROCESSING → FAILED keeps the failureReason given', async () => {
      const payment = await paymentIn('PROCESSING');
      const res = await moveInSandbox(
        http,
        payment.id,
        'FAILED',
        'beneficiary bank rejected the transfer',
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'FAILED',
        version: 3,
        failureReason: 'beneficiary bank rejected the transfer',
      });
      expect(await paymentRowById(ctx.db, payment.id)).toMatchObject({
        status: 'FAILED',
        version: 3,
        failure_reason: 'beneficiary bank rejected the transfer',
      });
    });

    it('PROCESSING → FAILED without a failureReason still gives one (never null on FAILED)', async () => {
      const payment = await paymentIn('PROCESSING');
      const res = await moveInSandbox(http, payment.id, 'FAILED').expect(200);
      expect(res.body.failureReason).toEqual(expect.any(String));
      expect(res.body.failureReason.length).toBeGreaterThan(0);
    });

    it.each([
      [[], 'PAID'],
      [[], 'FAILED'],
      [['PROCESSING'], 'PROCESSING'],
      [['PROCESSING', 'PAID'], 'PROCESSING'],
      [['PROCESSING', 'PAID'], 'PAID'],
      [['PROCESSING', 'PAID'], 'FAILED'],
      [['PROCESSING', 'FAILED'], 'PROCESSING'],
      [['PROCESSING', 'FAILED'], 'PAID'],
    ])('after %j, a move to %s → 409 invalid-state, unchanged', async (moves, target) => {
      const payment = await paymentIn(...moves);
      await expectRefusedMove(payment, () => moveInSandbox(http, payment.id, target));
    });

    it.each([['PROCESSING'], ['PAID'], ['FAILED']])(
      'a CANCELLED payment cannot move to %s → 409 invalid-state',
      async (target) => {
        const payment = await createPayment(http);
        const cancelled = (await cancel(payment.id).expect(200)).body;
        await expectRefusedMove(cancelled, () => moveInSandbox(http, payment.id, target));
      },
    );

    it.each([
      ['status CANCELLED (not a sandbox move)', { status: 'CANCELLED' }, ['status']],
      ['status PENDING', { status: 'PENDING' }, ['status']],
      ['no status', {}, ['status']],
      ['an unknown field', { status: 'PROCESSING', foo: 1 }, ['foo']],
      ['an empty failureReason', { status: 'FAILED', failureReason: '' }, ['failureReason']],
      ['a blank failureReason', { status: 'FAILED', failureReason: '   ' }, ['failureReason']],
      [
        'a failureReason of 501 characters',
        { status: 'FAILED', failureReason: 'x'.repeat(501) },
        ['failureReason'],
      ],
    ])(
      'refuses a body with %s: 400 naming the field, payment unchanged',
      async (_what, body, fields) => {
        const payment = await paymentIn('PROCESSING');
        expectValidationFailed(
          await http().post(`${SANDBOX}/${payment.id}/status`).send(body),
          fields,
        );
        expect(await paymentRowById(ctx.db, payment.id)).toMatchObject({
          status: 'PROCESSING',
          version: 2,
        });
      },
    );

    it('answers an unknown id with 404 payment-not-found', async () => {
      expectProblem(await moveInSandbox(http, unknownId(), 'PROCESSING'), 404, 'payment-not-found');
      expectProblem(await moveInSandbox(http, 'nope', 'PROCESSING'), 404, 'payment-not-found');
    });
  });
});
