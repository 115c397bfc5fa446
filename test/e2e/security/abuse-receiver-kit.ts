/**
 * The set-up the hostile-receiver abuse files share: an app whose dispatcher times out after
 * TIMEOUT_MS and retries fast, throw-away receivers on 127.0.0.1, and a scenario that subscribes a
 * receiver, makes one payment (one payment.created event) and reads its delivery.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { listen, sleep } from './security-kit';

const P = '/api/v1/payments';
export const MiB = 1024 * 1024;
export const TIMEOUT_MS = 500;
// How late a busy machine may run the timeout's timer: an attempt cut then still proves the cut
// (the receivers would go on forever), a tighter bound can fail by chance under load.
export const LATE_TIMER_MS = 1_500;

export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; url: string; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { server, url: `http://127.0.0.1:${port}/hooks`, port };
}

export async function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
}

export interface DeliveryView {
  id: string;
  status: string;
  attempts: { statusCode: number | null; durationMs: number; error: string | null }[];
  nextAttemptAt: string | null;
}

export function useReceiverAbuseApp() {
  const app = {} as { t: TestApp; base: string };
  beforeAll(async () => {
    app.t = await createTestApp({
      env: {
        RATE_LIMIT_PER_MINUTE: '0',
        WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_RETRY_MAX_DELAY_MS: '200',
        WEBHOOK_POLL_INTERVAL_MS: '20',
        OUTBOX_POLL_INTERVAL_MS: '20',
      },
    });
    app.base = await listen(app.t);
  });
  afterAll(() => app.t?.close());

  const http = () => request(app.base);
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${DEMO_KEY}`);

  /** Subscribes `url`, makes one payment (one payment.created event) and returns a reader of its delivery. */
  async function scenario(url: string) {
    const sub = (
      await auth(http().post(`${P}/subscribe`))
        .send({ callbackUrl: url, eventTypes: ['payment.created'] })
        .expect(201)
    ).body.id as string;
    const quote = (
      await auth(http().post(`${P}/quote`))
        .send({ currency: 'USD', country: 'US' })
        .expect(201)
    ).body.id as string;
    await auth(http().post(P))
      .send({
        payments: [
          {
            quoteId: quote,
            externalRef: `abuse-${randomUUID()}`,
            amount: '1.00',
            beneficiary: { name: 'A', accountNumber: '1', bankCode: '021000021' },
          },
        ],
      })
      .expect(201);
    const delivery = async (): Promise<DeliveryView | undefined> =>
      (await auth(http().get(`${P}/subscriptions/${sub}/deliveries`)).expect(200)).body.data[0];
    const until = async (
      ok: (d: DeliveryView) => boolean,
      what: string,
      timeoutMs = 8_000,
    ): Promise<DeliveryView> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const d = await delivery();
        if (d && ok(d)) return d;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}: ${JSON.stringify(d)}`);
        await sleep(25);
      }
    };
    const unsubscribe = () => auth(http().delete(`${P}/subscriptions/${sub}`)).expect(204);
    return { delivery, until, unsubscribe };
  }

  return { app, scenario };
}
