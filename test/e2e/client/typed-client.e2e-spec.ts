import type { AddressInfo } from 'node:net';
import {
  type PaymentItem,
  PaymentsApiError,
  PaymentsClient,
  verifyWebhook,
  WebhookVerificationError,
} from '../../../clients/typescript/src';
import { FlakyProxy, type Failure } from '../../support/flaky-proxy';
import { newRef, waitFor } from '../../support/payments-fixtures';
import { createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { Receiver } from '../../support/webhook-fixtures';

/**
 * The typed client (clients/typescript) against the real service listening on 127.0.0.1, the way
 * an integrator uses it: every call goes over HTTP through openapi-fetch, and webhooks arrive at a
 * real receiver and are verified with the client's helper.
 */
describe('typed TypeScript client', () => {
  let t: TestApp;
  let baseUrl: string;
  let api: PaymentsClient;
  const receiver = new Receiver();

  beforeAll(async () => {
    t = await createTestApp({
      env: { OUTBOX_POLL_INTERVAL_MS: '20', WEBHOOK_POLL_INTERVAL_MS: '20' },
    });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    api = new PaymentsClient({ baseUrl, apiKey: DEMO_KEY });
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await t?.close();
  });

  const item = (quoteId: string, externalRef = newRef('client')): PaymentItem => ({
    quoteId,
    externalRef,
    amount: '1250.50',
    beneficiary: { name: 'Asha Rao', accountNumber: '50100012345678', bankCode: 'HDFC0000123' },
    reference: 'Invoice 8812',
    metadata: { orderId: '8812' },
  });

  it('quote → batch → replay → get → list with a cursor → subscribe → a verified webhook', async () => {
    const quotes = await Promise.all(
      [1, 2, 3].map(() => api.createQuote({ currency: 'INR', country: 'IN' })),
    );
    expect(quotes[0]).toMatchObject({ currency: 'INR', fee: { amount: '25.00', currency: 'INR' } });

    // A batch of three, without `atomic` (optional): all created.
    const batch = { payments: quotes.map((q) => item(q.id)) };
    const created = await api.createPayments(batch);
    expect(created.results.map((r) => r.outcome)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    const ids = created.results.map((r) => r.payment!.id);

    // The same request again: nothing new, the stored payments come back.
    const replayed = await api.createPayments(batch);
    expect(replayed.results.map((r) => r.outcome)).toEqual(['REPLAYED', 'REPLAYED', 'REPLAYED']);
    expect(replayed.results.map((r) => r.payment!.id)).toEqual(ids);

    const payment = await api.getPayment(ids[0]);
    expect(payment).toEqual(created.results[0].payment);
    expect(payment).toMatchObject({ status: 'PENDING', amount: '1250.50', version: 1 });

    // Two pages of two, newest first, no payment on both.
    const first = await api.listPayments({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await api.listPayments({ limit: 2, cursor: first.nextCursor! });
    const listed = [...first.data, ...second.data].map((p) => p.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining(ids));
    expect(second.nextCursor).toBeNull();

    const subscription = await api.subscribe({
      callbackUrl: receiver.url,
      eventTypes: ['payment.cancelled'],
    });
    expect(subscription).toMatchObject({
      status: 'ACTIVE',
      secret: expect.stringMatching(/^whsec_/),
    });

    const cancelled = await api.cancelPayment(ids[0]);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', version: 2 });

    const hook = await waitFor(async () => receiver.hooks[0], { what: 'the webhook' });
    const event = verifyWebhook(subscription.secret, hook.body, hook.headers);
    expect(event).toMatchObject({ type: 'payment.cancelled', data: cancelled });
    expect(event.id).toBe(hook.headers['webhook-id']);
    expect(verifyWebhook(subscription.secret, Buffer.from(hook.body), hook.headers)).toEqual(event);

    // One changed byte, or another secret, and the helper refuses it.
    const tampered = hook.body.replace('"CANCELLED"', '"PAID"');
    expect(() => verifyWebhook(subscription.secret, tampered, hook.headers)).toThrow(
      WebhookVerificationError,
    );
    const other = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(() => verifyWebhook(other, hook.body, hook.headers)).toThrow(WebhookVerificationError);

    // The receiver saw it before answering; the service records DELIVERED once the 200 is back.
    const [delivery] = await waitFor(async () => (await api.listDeliveries(subscription.id)).data, {
      until: (deliveries) => deliveries[0]?.status === 'DELIVERED',
      what: 'the delivery recorded as DELIVERED',
    });
    expect(delivery).toMatchObject({ eventId: event.id, attempts: [{ statusCode: 200 }] });
  });

  describe('errors are typed PaymentsApiError', () => {
    async function caught(call: () => Promise<unknown>): Promise<PaymentsApiError> {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PaymentsApiError);
      return error as PaymentsApiError;
    }

    it('an unknown payment: 404 payment-not-found, with the request id', async () => {
      const error = await caught(() => api.getPayment('01a20c37-2a38-72fe-9415-f16a4ca9a3c0'));
      expect(error).toMatchObject({ status: 404, code: 'payment-not-found' });
      expect(error.requestId).toEqual(expect.any(String));
    });

    it('a bad amount: 400 validation-failed naming the field, never retried', async () => {
      const quote = await api.createQuote({ currency: 'INR', country: 'IN' });
      const sleeps: number[] = [];
      const client = new PaymentsClient({
        baseUrl,
        apiKey: DEMO_KEY,
        retry: { sleep: async (ms) => void sleeps.push(ms) },
      });
      const error = await caught(() =>
        client.createPayments({ payments: [{ ...item(quote.id), amount: '1.234' }] }),
      );
      expect(error).toMatchObject({ status: 400, code: 'validation-failed' });
      expect(error.errors.map((e) => e.field)).toEqual(['payments[0].amount']);
      expect(sleeps).toEqual([]);
    });

    it('an unknown key: 401; the ApiKey header works like Bearer', async () => {
      const stranger = new PaymentsClient({ baseUrl, apiKey: 'sk_unknown' });
      expect(await caught(() => stranger.listPayments())).toMatchObject({ status: 401 });
      const viaHeader = new PaymentsClient({ baseUrl, apiKey: DEMO_KEY, auth: 'apiKey' });
      await expect(viaHeader.listPayments({ limit: 1 })).resolves.toHaveProperty('data');
    });
  });

  describe('POST /payments is retried on network errors and 5xx, and pays once', () => {
    const proxies: FlakyProxy[] = [];
    afterAll(async () => {
      await Promise.all(proxies.map((p) => p.stop()));
    });

    it.each<[Failure, string]>([
      ['drop-after-forward', 'REPLAYED'],
      ['503-before-forward', 'CREATED'],
    ])('%s once, then success: one payment (%s)', async (failure, outcome) => {
      const proxy = new FlakyProxy(baseUrl, failure);
      proxies.push(proxy);
      const sleeps: number[] = [];
      const client = new PaymentsClient({
        baseUrl: await proxy.start(),
        apiKey: DEMO_KEY,
        retry: { baseDelayMs: 100, sleep: async (ms) => void sleeps.push(ms) },
      });
      const quote = await api.createQuote({ currency: 'INR', country: 'IN' });
      const externalRef = newRef('retry');

      const answer = await client.createPayments({ payments: [item(quote.id, externalRef)] });

      // A dropped answer was a payment made: the retry gets it back as REPLAYED, not a second one.
      expect(answer.results[0].outcome).toBe(outcome);
      expect(proxy.received).toBe(2);
      expect(sleeps).toEqual([100]);
      const stored = await api.listPayments({ externalRef });
      expect(stored.data.map((p) => p.id)).toEqual([answer.results[0].payment!.id]);
    });

    it('is bounded: three 503s with attempts: 3 give the 503 as a PaymentsApiError', async () => {
      const proxy = new FlakyProxy(baseUrl, '503-before-forward', 3);
      proxies.push(proxy);
      const client = new PaymentsClient({
        baseUrl: await proxy.start(),
        apiKey: DEMO_KEY,
        retry: { attempts: 3, sleep: async () => {} },
      });
      const quote = await api.createQuote({ currency: 'INR', country: 'IN' });
      const error = await client.createPayments({ payments: [item(quote.id)] }).catch((e) => e);
      expect(error).toBeInstanceOf(PaymentsApiError);
      expect(error).toMatchObject({ status: 503, code: 'unexpected-response' });
      expect([proxy.received, proxy.forwarded]).toEqual([3, 0]);
    });
  });
});
