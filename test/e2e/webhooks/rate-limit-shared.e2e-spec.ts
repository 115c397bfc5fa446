import type { Client } from 'pg';
import { connectDb } from '../../support/payments-fixtures';
import { waitFor } from '../../support/payments-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';
import { createPayments, mostInAnyWindow } from '../../support/fairness-fixtures';
import { patched, report } from '../../support/webhook-ops-fixtures';
import { workersSettled } from '../../support/workers-settled';
import { metricSample, Receiver, subscribe, verifyAll } from '../../support/webhook-fixtures';

const LIMIT = 5;
const DELIVERIES = 40;

/**
 * rateLimitPerSecond is one limit for the subscription, shared by every instance on the database:
 * two instances together start at most LIMIT attempts in any second. Checked on the attempts the
 * database recorded (webhook_attempt.attempted_at), not on what either instance believes.
 */
describe('rateLimitPerSecond across two instances on one database', () => {
  const apps: TestApp[] = [];
  const receiver = new Receiver();
  let db: Client;
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await receiver.stop();
    await db?.end();
  });

  it('never starts more than the limit in any second, and delivers each delivery once', async () => {
    const env = {
      WEBHOOK_CONCURRENCY: '20',
      WEBHOOK_POLL_INTERVAL_MS: '20',
      OUTBOX_POLL_INTERVAL_MS: '20',
    };
    apps.push(await createTestApp({ env }));
    apps.push(await createTestApp({ env, databaseUrl: apps[0].databaseUrl }));
    db = await connectDb(apps[0].databaseUrl);
    const [a, b] = apps;
    const sub = await subscribe(a.http, {
      callbackUrl: await receiver.start(),
      eventTypes: ['payment.created'],
    });
    // Paused while the backlog builds, so that all of it is due at once when the limit applies.
    await patched(a.http, sub.id, { status: 'PAUSED' });
    await createPayments(a.http, DELIVERIES);
    await waitFor(
      async () =>
        (
          await db.query<{ n: number }>(
            `select count(*)::int as n from webhook_delivery where subscription_id = $1`,
            [sub.id],
          )
        ).rows[0].n,
      { until: (n) => n === DELIVERIES, what: 'the backlog of deliveries' },
    );
    await patched(b.http, sub.id, { status: 'ACTIVE', rateLimitPerSecond: LIMIT });
    await waitFor(async () => receiver.hooks.length, {
      until: (n) => n >= DELIVERIES,
      timeoutMs: 90_000,
      what: 'every delivery',
    });

    // The receiver has its answer before the attempt is recorded: wait for the database, then for
    // the passes around it (their metrics), on both instances.
    await waitFor(
      async () =>
        (
          await db.query<{ n: number }>(
            `select count(*)::int as n from webhook_delivery where subscription_id = $1 and status = 'DELIVERED'`,
            [sub.id],
          )
        ).rows[0].n,
      { until: (n) => n === DELIVERIES, what: 'every attempt recorded' },
    );
    await Promise.all(apps.map((app) => workersSettled(app)));
    const { rows } = await db.query<{ at: Date; attempts: number; status: string }>(
      `select a.attempted_at as at, d.attempts, d.status from webhook_attempt a
       join webhook_delivery d on d.id = a.delivery_id where d.subscription_id = $1`,
      [sub.id],
    );
    const times = rows.map((r) => r.at.getTime());
    const sentBy = await Promise.all(
      apps.map(
        async (app) =>
          metricSample(
            (await app.http().get('/metrics').expect(200)).text,
            'webhook_attempts_total',
            {
              result: 'success',
            },
          ) ?? 0,
      ),
    );
    const heldBack = await Promise.all(
      apps.map(
        async (app) =>
          metricSample(
            (await app.http().get('/metrics').expect(200)).text,
            'webhook_rate_limited_total',
          ) ?? 0,
      ),
    );
    report('rate limit shared by two instances', {
      limit: LIMIT,
      mostInAnySecond: mostInAnyWindow(times),
      spanMs: Math.max(...times) - Math.min(...times),
      sentBy,
      heldBack,
    });
    verifyAll(sub.secret, receiver);
    expect({
      attempts: rows.length,
      allDeliveredOnce: rows.every((r) => r.attempts === 1 && r.status === 'DELIVERED'),
      distinctHooks: new Set(receiver.hooks.map((h) => h.headers['webhook-id'])).size,
      mostInAnySecond: mostInAnyWindow(times) <= LIMIT,
      // Both instances lease from the one backlog (one process, so neither starves): the limit
      // held although two dispatchers claimed, which is what "shared" means.
      bothSent: sentBy.every((n) => n > 0),
      sentInAll: sentBy[0] + sentBy[1],
      limitBit: heldBack[0] + heldBack[1] > 0,
    }).toEqual({
      attempts: DELIVERIES,
      allDeliveredOnce: true,
      distinctHooks: DELIVERIES,
      mostInAnySecond: true,
      bothSent: true,
      sentInAll: DELIVERIES,
      limitBit: true,
    });
    // Two apps start and 40 deliveries drain at 5/s: a budget for a loaded CI machine (it took
    // 33 s at a load of 8 on 2 cores).
  }, 120_000);
});
