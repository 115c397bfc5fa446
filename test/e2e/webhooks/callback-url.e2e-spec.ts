import type { Client } from 'pg';
import { connectDb, createPayment, expectProblem, waitFor } from '../../support/payments-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  deliveriesOf,
  metricSample,
  postSubscribe,
  Receiver,
  subscribe,
} from '../../support/webhook-fixtures';
import { workersSettled } from '../../support/workers-settled';

/**
 * The SSRF guard with WEBHOOK_ALLOW_PRIVATE_URLS=false (what production runs): only https, and
 * never an address inside our own network, checked at subscription and again at every delivery.
 */
describe('callback URL guard (WEBHOOK_ALLOW_PRIVATE_URLS=false)', () => {
  let guarded: TestApp;
  let db: Client;

  beforeAll(async () => {
    guarded = await createTestApp({
      env: {
        WEBHOOK_ALLOW_PRIVATE_URLS: 'false',
        OUTBOX_POLL_INTERVAL_MS: '20',
        WEBHOOK_POLL_INTERVAL_MS: '20',
        WEBHOOK_RETRY_BASE_MS: '60000',
      },
    });
    db = await connectDb(guarded.databaseUrl);
  });
  afterAll(async () => {
    await db?.end();
    await guarded?.close();
  });

  const subscriptionRows = async (): Promise<number> =>
    Number((await db.query('select count(*) as n from webhook_subscription')).rows[0].n);

  it.each([
    ['http: to a public address (https only)', 'http://93.184.215.14/hooks'],
    ['http://127.0.0.1', 'http://127.0.0.1/hooks'],
    ['https://127.0.0.1', 'https://127.0.0.1/hooks'],
    ['https://127.1.2.3 (all of 127/8)', 'https://127.1.2.3/hooks'],
    ['https://localhost', 'https://localhost/hooks'],
    ['https://localhost. (trailing dot)', 'https://localhost./hooks'],
    ['https://LOCALHOST', 'https://LOCALHOST/hooks'],
    ['https://api.localhost', 'https://api.localhost/hooks'],
    ['https://10.0.0.1', 'https://10.0.0.1/hooks'],
    ['https://172.16.0.1', 'https://172.16.0.1/hooks'],
    ['https://192.168.1.1', 'https://192.168.1.1/hooks'],
    ['https://169.254.169.254 (cloud metadata)', 'https://169.254.169.254/latest/meta-data'],
    ['https://100.64.0.1 (CGNAT)', 'https://100.64.0.1/hooks'],
    ['https://0.0.0.0', 'https://0.0.0.0/hooks'],
    ['https://224.0.0.1 (multicast)', 'https://224.0.0.1/hooks'],
    ['https://255.255.255.255 (broadcast)', 'https://255.255.255.255/hooks'],
    ['https://[::1]', 'https://[::1]/hooks'],
    ['https://[::]', 'https://[::]/hooks'],
    ['https://[::ffff:127.0.0.1] (IPv4-mapped)', 'https://[::ffff:127.0.0.1]/hooks'],
    ['https://[::ffff:a00:1] (IPv4-mapped 10.0.0.1)', 'https://[::ffff:a00:1]/hooks'],
    ['https://[fd00::1] (unique local)', 'https://[fd00::1]/hooks'],
    ['https://[fe80::1] (link-local)', 'https://[fe80::1]/hooks'],
    [
      'https://[64:ff9b::a9fe:a9fe] (NAT64 of 169.254.169.254)',
      'https://[64:ff9b::a9fe:a9fe]/hooks',
    ],
    ['https://2130706433 (decimal 127.0.0.1)', 'https://2130706433/hooks'],
    ['https://0x7f000001 (hex 127.0.0.1)', 'https://0x7f000001/hooks'],
    ['https://0177.0.0.1 (octal 127.0.0.1)', 'https://0177.0.0.1/hooks'],
    ['https://127.1 (short form)', 'https://127.1/hooks'],
    ['https://012.0.0.1 (octal 10.0.0.1)', 'https://012.0.0.1/hooks'],
    // Names, through the test's fake DNS (test/support/fake-dns.ts), never the host's resolver.
    ['a name that resolves to a private address', 'https://internal.example.com/hooks'],
    ['a name with one loopback address among public ones', 'https://rebind.example.com/hooks'],
    ['a name that does not resolve', 'https://nowhere.example.com/hooks'],
  ])('refuses %s: 400 invalid-callback-url, nothing stored', async (_label, callbackUrl) => {
    const before = await subscriptionRows();
    expectProblem(await postSubscribe(guarded.http, { callbackUrl }), 400, 'invalid-callback-url');
    expect(await subscriptionRows()).toBe(before);
  });

  it.each([
    ['a public IPv4 address', 'https://93.184.215.14/hooks'],
    ['a public IPv6 address', 'https://[2606:4700:4700::1111]/hooks'],
    ['a name that resolves only to public addresses', 'https://hooks.example.com/hooks'],
  ])('accepts https to %s: 201', async (_label, callbackUrl) => {
    const res = await postSubscribe(guarded.http, { callbackUrl });
    expect(res.status).toBe(201);
    expect(res.body.callbackUrl).toBe(callbackUrl);
    // Unsubscribed at once: a later test's payment must not make the dispatcher connect to an
    // address outside the machine.
    await guarded.http().delete(`/api/v1/payments/subscriptions/${res.body.id}`).expect(204);
  });

  /**
   * A subscription to 127.0.0.1 made where it is allowed (another instance, another config, or a
   * DNS answer that changed since) is refused again at delivery time: the receiver gets nothing,
   * and the attempt is logged as an error without a status.
   */
  it('checks the URL again at every delivery: a stored loopback URL is never called', async () => {
    const receiver = new Receiver();
    await receiver.start();
    // An instance that allows private URLs, on the same database, whose schedulers do not run:
    // it takes the subscription and the payment; the guarded instance relays and dispatches.
    const lax = await createTestApp({
      env: { SCHEDULERS: 'false' },
      databaseUrl: guarded.databaseUrl,
    });
    try {
      const sub = await subscribe(lax.http, { callbackUrl: receiver.url });
      expect((await guarded.http().get(`/api/v1/payments/subscriptions/${sub.id}`)).status).toBe(
        200,
      );
      await createPayment(lax.http);

      const [delivery] = await waitFor(() => deliveriesOf(guarded.http, sub.id), {
        until: (ds) => ds.length === 1 && ds[0].attempts.length >= 1,
        what: 'a refused attempt',
      });
      expect(delivery.status).toBe('PENDING');
      expect(delivery.attempts[0]).toMatchObject({
        statusCode: null,
        error: expect.stringMatching(/^callback URL refused: callbackUrl must use https/),
      });
      // Whatever the guarded dispatcher had due has been tried: counted passes, not a sleep.
      await workersSettled(guarded);
      expect(receiver.hooks).toEqual([]);
      const metrics = (await guarded.http().get('/metrics').expect(200)).text;
      expect(
        metricSample(metrics, 'webhook_attempts_total', { result: 'error' }),
      ).toBeGreaterThanOrEqual(1);
    } finally {
      await lax.close();
      await receiver.stop();
    }
  });
});
