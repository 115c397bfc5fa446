/**
 * Graceful shutdown: SIGTERM to the real service (a child process) during payment traffic, with a
 * slow receiver so that deliveries are leased and in flight at that moment. Every request that got
 * an answer is durable (read back after a restart), the process exits 0 within 10 s, and every
 * delivery is either DELIVERED or due again (PENDING, next attempt not pushed out by a lease that
 * outlives the process), then delivered after the restart.
 */
import type { Client } from 'pg';
import { ServiceProcess, SERVICE_DEMO_KEY } from '../support/service-process';
import { seededRandom, testSeed } from '../support/seeds';
import { createTestDatabase } from '../support/test-database';
import { connect } from '../e2e/security/security-kit';
import { CountingReceiver } from './support/counting-receiver';
import { drain, ledger, report } from './support/figures';
import { outcomes, PaymentTraffic } from './support/traffic';

const PREFIX = 'sigterm';
const EXIT_WITHIN_MS = 10_000;
const ENV = {
  WEBHOOK_LEASE_MS: '60000',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_RETRY_MAX_DELAY_MS: '1000',
  RATE_LIMIT_PER_MINUTE: '0',
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('graceful shutdown: SIGTERM during traffic', () => {
  let db: Client;
  let receiver: CountingReceiver;
  let first: ServiceProcess | undefined;
  let second: ServiceProcess | undefined;

  afterAll(async () => {
    await first?.kill('SIGKILL');
    await second?.kill('SIGKILL');
    await receiver?.stop();
    await db?.end();
  });

  it('answered requests are durable, exit 0 within 10 s, deliveries finished or due again, then delivered', async () => {
    const databaseUrl = await createTestDatabase();
    db = await connect(databaseUrl);
    receiver = new CountingReceiver();
    const random = seededRandom(testSeed('SHUTDOWN_SEED', 5_150));
    receiver.delayMs = () => 100 + Math.floor(random() * 500);
    const hookUrl = await receiver.start();

    first = await ServiceProcess.start({ databaseUrl, env: ENV, name: 'sigterm-first' });
    const sub = await fetch(`${first.baseUrl}/api/v1/payments/subscribe`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVICE_DEMO_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ callbackUrl: hookUrl }),
    });
    expect(sub.status).toBe(201);

    let current: string | undefined = first.baseUrl;
    const traffic = new PaymentTraffic({
      baseUrl: () => current,
      apiKey: SERVICE_DEMO_KEY,
      loops: 4,
      prefix: PREFIX,
      timeoutMs: 15_000,
      backoffMs: 20,
    });
    traffic.start();
    await sleep(2_500);

    const leasedAtSigterm = Number(
      (await db.query('select count(*) as n from webhook_delivery where lease_id is not null'))
        .rows[0].n,
    );
    const sigtermAt = Date.now();
    const exit = await first.kill('SIGTERM');
    const exitMs = Date.now() - sigtermAt;
    await traffic.stop(0);

    const after = await db.query<{
      status: string;
      leased: boolean;
      due_in_ms: number | null;
      n: string;
    }>(
      `select status, lease_id is not null as leased,
              case when next_attempt_at is null then null else greatest(0, extract(epoch from (next_attempt_at - now())) * 1000)::int end as due_in_ms,
              count(*) as n
         from webhook_delivery group by 1, 2, 3 order by 1, 2, 3`,
    );
    const deliveriesAfterExit = after.rows.map((r) => ({
      status: r.status,
      leased: r.leased,
      dueInMs: r.due_in_ms,
      n: Number(r.n),
    }));
    const notDueAgain = deliveriesAfterExit.filter(
      (d) => d.status === 'PENDING' && (d.dueInMs === null || d.dueInMs > 5_000),
    );
    const stillLeased = deliveriesAfterExit.filter((d) => d.leased);

    const inFlight = traffic.log.filter((r) => r.startedAt < sigtermAt && r.endedAt >= sigtermAt);
    const startedAfter = traffic.log.filter((r) => r.startedAt >= sigtermAt);
    const eventsAtExit = Number(
      (await db.query('select count(*) as n from outbox_event')).rows[0].n,
    );
    const deliveredAtExit = receiver.received.size;

    // A second process on the same database: everything answered is there, everything is delivered.
    second = await ServiceProcess.start({ databaseUrl, env: ENV, name: 'sigterm-second' });
    current = second.baseUrl;
    const missing: string[] = [];
    for (const [ref, id] of traffic.committed) {
      const res = await fetch(`${second.baseUrl}/api/v1/payments/${id}`, {
        headers: { authorization: `Bearer ${SERVICE_DEMO_KEY}` },
      });
      if (res.status !== 200 || ((await res.json()) as { externalRef: string }).externalRef !== ref)
        missing.push(ref);
    }
    const { rows: quoteRows } = await db.query<{ id: string }>(
      'select id from quote where id = any($1::uuid[])',
      [[...traffic.quotes]],
    );
    const quotesMissing = traffic.quotes.size - quoteRows.length;
    const drainMs = await drain(db, receiver, 60_000);
    const l = await ledger(db, traffic, receiver, PREFIX);

    report('graceful shutdown', {
      exitCode: exit.code,
      exitSignal: exit.signal,
      exitMs,
      requests: traffic.requests,
      requestOutcomes: outcomes(traffic.log),
      inFlightAtSigterm: inFlight.length,
      inFlightOutcomes: outcomes(inFlight),
      startedAfterSigterm: startedAfter.length,
      startedAfterOutcomes: outcomes(startedAfter),
      committed: l.committed,
      quotesAnswered: traffic.quotes.size,
      quotesMissing,
      paymentsMissingAfterRestart: missing.length,
      lost: l.lost,
      duplicates: l.duplicates,
      anomalies: traffic.anomalies.length,
      leasedAtSigterm,
      eventsAtExit,
      deliveredAtExit,
      deliveriesAfterExit,
      stillLeasedAfterExit: stillLeased.reduce((n, d) => n + d.n, 0),
      notDueAgainAfterExit: notDueAgain.reduce((n, d) => n + d.n, 0),
      eventsCommitted: l.eventsCommitted,
      delivered: l.delivered,
      eventsLost: l.eventsLost,
      webhookDuplicates: l.webhookDuplicates,
      drainAfterRestartMs: drainMs,
    });

    expect(exit.code).toBe(0);
    expect(exitMs).toBeLessThan(EXIT_WITHIN_MS);
    expect(l.committed).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(quotesMissing).toBe(0);
    expect(l.duplicates).toBe(0);
    expect(traffic.anomalies).toEqual([]);
    expect(notDueAgain).toEqual([]);
    expect(l.undeliveredEvents).toEqual([]);
  }, 180_000);
});
