/**
 * The rows the hostile cases aim at: payments, quotes, subscriptions (to a receiver that answers
 * 200 and one that answers 500), their deliveries, another account's key and list cursors.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_KEY, createTestApp, DEMO_KEY } from '../../support/test-app';
import { rawRequest } from './raw-http';
import { listen, sleep } from './security-kit';
import { type Fixtures, P, SUBS } from './hostile-case-types';

/** An http receiver that answers 200 (for the fixture deliveries) or 500. */
async function startReceiver(status: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status).end());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, server };
}

export async function setupFixtures(databaseUrl: string): Promise<Fixtures> {
  // A first app with its schedulers on turns payments into deliveries; the fuzzed app then runs
  // on the same database with schedulers off, so that only requests can change a row.
  const ok = await startReceiver(200);
  const failing = await startReceiver(500);
  const setup = await createTestApp({
    env: {
      RATE_LIMIT_PER_MINUTE: '0',
      ADMIN_API_KEY: ADMIN_KEY,
      OUTBOX_POLL_INTERVAL_MS: '20',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      WEBHOOK_RETRY_BASE_MS: '3600000',
    },
    databaseUrl,
  });
  try {
    const base = await listen(setup);
    const call = async (method: string, path: string, body?: unknown, key = DEMO_KEY) => {
      const res = await rawRequest(base, {
        method,
        path,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status >= 300)
        throw new Error(`fixture ${method} ${path}: ${res.status} ${res.text}`);
      return res.body as Record<string, unknown>;
    };
    const other = await call('POST', '/api/v1/admin/accounts', { name: 'Other' }, ADMIN_KEY);
    const subscriptionIds: string[] = [];
    for (const url of [ok.url, failing.url, ok.url, failing.url])
      subscriptionIds.push(
        (await call('POST', `${P}/subscribe`, { callbackUrl: url })).id as string,
      );
    const quote = async () =>
      (await call('POST', `${P}/quote`, { currency: 'USD', country: 'US' })).id as string;
    const paymentIds: string[] = [];
    const externalRefs: string[] = [];
    for (let i = 0; i < 8; i++) {
      const ref = `fixture-${i}`;
      const res = await call('POST', P, {
        payments: [
          {
            quoteId: await quote(),
            externalRef: ref,
            amount: '100.00',
            beneficiary: {
              name: 'Asha Rao',
              accountNumber: '50100012345678',
              bankCode: '021000021',
            },
            reference: 'Invoice 8812',
            purpose: 'SUPPLIER_PAYMENT',
            metadata: { orderId: '8812' },
          },
        ],
      });
      paymentIds.push((res.results as { payment: { id: string } }[])[0].payment.id);
      externalRefs.push(ref);
    }
    const quoteIds = [await quote(), await quote(), await quote()];
    // Wait until every delivery has had its first attempt (DELIVERED, or PENDING after a 500).
    let deliveries: { subscriptionId: string; deliveryId: string }[] = [];
    for (let waited = 0; ; waited += 50) {
      deliveries = [];
      let attempted = 0;
      for (const s of subscriptionIds) {
        const page = (await call('GET', `${SUBS}/${s}/deliveries?limit=100`)).data as {
          id: string;
          attempts: unknown[];
        }[];
        for (const d of page) {
          deliveries.push({ subscriptionId: s, deliveryId: d.id });
          if (d.attempts.length > 0) attempted++;
        }
      }
      if (
        deliveries.length === subscriptionIds.length * paymentIds.length &&
        attempted === deliveries.length
      )
        break;
      if (waited > 15_000)
        throw new Error(`fixture deliveries not attempted: ${attempted}/${deliveries.length}`);
      await sleep(50);
    }
    const paymentsCursor = ((await call('GET', `${P}?limit=2`)).nextCursor as string) ?? 'x';
    const subscriptionsCursor =
      ((await call('GET', `${SUBS}?limit=1`)).nextCursor as string) ?? 'x';
    return {
      paymentIds,
      quoteIds,
      subscriptionIds,
      deliveries,
      externalRefs,
      paymentsCursor,
      subscriptionsCursor,
      otherKey: other.apiKey as string,
    };
  } finally {
    await setup.close();
    ok.server.close();
    failing.server.close();
  }
}
