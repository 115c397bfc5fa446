/**
 * Tenant isolation: account B calls every endpoint that takes an id with account A's payment,
 * subscription and delivery ids. Each answer is a 404 (never 403) that says no more than the answer
 * for an id that does not exist, and none of A's rows moves.
 */
import type { Response } from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { problemDefect } from './security-kit';
import { P, useTenantPair } from './tenant-pair';

describe('tenant isolation: account B with account A ids', () => {
  const pair = useTenantPair();
  const { A, b, untouchedSince, shape } = pair;

  it('every endpoint answers 404 (never 403), exactly as for an unknown id, and A is untouched', async () => {
    const unknown = uuidv7();
    const expectUntouched = await untouchedSince();

    const calls: [string, (id: string) => Promise<Response>, string][] = [
      ['GET /payments/:id', (id) => b().get(`${P}/${id}`), A.paymentId],
      ['POST /payments/:id/cancel', (id) => b().post(`${P}/${id}/cancel`), A.paymentId],
      [
        'POST /sandbox/payments/:id/status PROCESSING',
        (id) => b().post(`/api/v1/sandbox/payments/${id}/status`, { status: 'PROCESSING' }),
        A.paymentId,
      ],
      [
        'POST /sandbox/payments/:id/status FAILED',
        (id) =>
          b().post(`/api/v1/sandbox/payments/${id}/status`, {
            status: 'FAILED',
            failureReason: 'x',
          }),
        A.paymentId,
      ],
      [
        'GET /payments/subscriptions/:id',
        (id) => b().get(`${P}/subscriptions/${id}`),
        A.subscriptionId,
      ],
      [
        'DELETE /payments/subscriptions/:id',
        (id) => b().delete(`${P}/subscriptions/${id}`),
        A.subscriptionId,
      ],
      [
        'GET /payments/subscriptions/:id/deliveries',
        (id) => b().get(`${P}/subscriptions/${id}/deliveries`),
        A.subscriptionId,
      ],
      [
        'GET /payments/subscriptions/:id/deliveries?status=DELIVERED',
        (id) => b().get(`${P}/subscriptions/${id}/deliveries?status=DELIVERED`),
        A.subscriptionId,
      ],
      [
        "POST retry (A's subscription, A's delivery)",
        (id) => b().post(`${P}/subscriptions/${id}/deliveries/${A.deliveryId}/retry`),
        A.subscriptionId,
      ],
      [
        "POST retry (B's subscription, A's delivery)",
        (id) => b().post(`${P}/subscriptions/${pair.subscriptionB}/deliveries/${id}/retry`),
        A.deliveryId,
      ],
      [
        "POST retry (A's subscription, unknown delivery)",
        (id) => b().post(`${P}/subscriptions/${id}/deliveries/${uuidv7()}/retry`),
        A.subscriptionId,
      ],
    ];
    const rows: Record<string, unknown>[] = [];
    for (const [name, call, idOfA] of calls) {
      const withA = await call(idOfA);
      const withUnknown = await call(unknown);
      rows.push({
        name,
        withA: `${withA.status} ${withA.body?.code}`,
        withUnknown: `${withUnknown.status} ${withUnknown.body?.code}`,
      });
      expect({ name, status: withA.status }).toEqual({ name, status: 404 });
      expect(problemDefect(withA)).toBeNull();
      expect({ name, shape: shape(withA) }).toEqual({ name, shape: shape(withUnknown) });
    }

    await expectUntouched('tenant isolation', rows);
  });
});
