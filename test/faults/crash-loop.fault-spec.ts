/**
 * Crash loop: the real service (a child process) under steady payment traffic, with a subscribed
 * receiver, is killed with SIGKILL 100–800 ms after it became ready, 20 times, and started again
 * each time on the same database. At the end (a last start and a drain): every payment the client
 * saw committed exists exactly once, and every committed event was delivered at least once.
 */
import type { Client } from 'pg';
import { ServiceProcess, SERVICE_DEMO_KEY } from '../support/service-process';
import { seededRandom, testSeed } from '../support/seeds';
import { createTestDatabase } from '../support/test-database';
import { connect } from '../e2e/security/security-kit';
import { CountingReceiver } from './support/counting-receiver';
import { drain, ledger, report } from './support/figures';
import { outcomes, PaymentTraffic } from './support/traffic';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 20);
const PREFIX = 'crash';
const ENV = {
  WEBHOOK_LEASE_MS: '1000',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_RETRY_MAX_DELAY_MS: '1000',
  OUTBOX_POLL_INTERVAL_MS: '50',
  WEBHOOK_POLL_INTERVAL_MS: '50',
  PAYOUT_SIMULATOR: 'on',
  SIMULATOR_PROCESSING_DELAY_MS: '100',
  SIMULATOR_SETTLE_DELAY_MS: '200',
  SIMULATOR_POLL_INTERVAL_MS: '50',
  RATE_LIMIT_PER_MINUTE: '0',
};

describe('crash loop: SIGKILL under traffic, restart on the same database', () => {
  let db: Client;
  let receiver: CountingReceiver;
  let service: ServiceProcess | undefined;

  afterAll(async () => {
    await service?.kill('SIGKILL');
    await receiver?.stop();
    await db?.end();
  });

  it(`${CYCLES} SIGKILL cycles: every payment the client saw committed exists once, every committed event is delivered (lost: 0)`, async () => {
    // The uptimes before each SIGKILL are drawn from CRASH_SEED: a run is replayed with it.
    const random = seededRandom(testSeed('CRASH_SEED', 7_070));
    const databaseUrl = await createTestDatabase();
    db = await connect(databaseUrl);
    receiver = new CountingReceiver();
    const hookUrl = await receiver.start();

    service = await ServiceProcess.start({ databaseUrl, env: ENV, name: 'crash-0' });
    const sub = await fetch(`${service.baseUrl}/api/v1/payments/subscribe`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVICE_DEMO_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ callbackUrl: hookUrl }),
    });
    expect(sub.status).toBe(201);

    let current: ServiceProcess | undefined = service;
    const traffic = new PaymentTraffic({
      baseUrl: () => current?.baseUrl,
      apiKey: SERVICE_DEMO_KEY,
      loops: 4,
      prefix: PREFIX,
      timeoutMs: 5_000,
      backoffMs: 30,
    });
    traffic.start();
    const started = Date.now();
    const uptimes: number[] = [];
    const startMs: number[] = [];

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      if (cycle > 1) {
        const t0 = Date.now();
        service = await ServiceProcess.start({ databaseUrl, env: ENV, name: `crash-${cycle}` });
        startMs.push(Date.now() - t0);
        current = service;
      }
      const uptime = 100 + Math.floor(random() * 700);
      uptimes.push(uptime);
      await new Promise((r) => setTimeout(r, uptime));
      current = undefined;
      const exit = await service.kill('SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
    }

    // The last start: the clients finish the payments they had begun, then everything drains.
    const t0 = Date.now();
    service = await ServiceProcess.start({ databaseUrl, env: ENV, name: 'crash-final' });
    startMs.push(Date.now() - t0);
    current = service;
    await traffic.stop(30_000);
    const settled = async () =>
      Number(
        (
          await db.query(
            "select count(*) as n from payment where status not in ('PAID', 'FAILED', 'CANCELLED')",
          )
        ).rows[0].n,
      ) === 0;
    const drainMs = await drain(db, receiver, 60_000, settled);
    const l = await ledger(db, traffic, receiver, PREFIX);
    const unsettled = Number(
      (
        await db.query(
          "select count(*) as n from payment where status not in ('PAID', 'FAILED', 'CANCELLED')",
        )
      ).rows[0].n,
    );
    const { rows: deliveryStates } = await db.query<{ status: string; n: string }>(
      'select status, count(*) as n from webhook_delivery group by status order by status',
    );

    report('crash loop', {
      cycles: CYCLES,
      elapsedMs: Date.now() - started,
      uptimesMs: uptimes,
      startMsAvg: Math.round(startMs.reduce((a, b) => a + b, 0) / startMs.length),
      requests: traffic.requests,
      requestOutcomes: outcomes(traffic.log),
      quotesCommitted: traffic.quotes.size,
      committed: l.committed,
      paymentsInDb: l.paymentsInDb,
      lost: l.lost,
      duplicates: l.duplicates,
      unfinishedByClient: traffic.unfinished,
      anomalies: traffic.anomalies.length,
      eventsCommitted: l.eventsCommitted,
      eventTypes: Object.fromEntries(
        [...receiver.types.values()].reduce(
          (m, t) => m.set(t, (m.get(t) ?? 0) + 1),
          new Map<string, number>(),
        ),
      ),
      delivered: l.delivered,
      eventsLost: l.eventsLost,
      webhookDuplicates: l.webhookDuplicates,
      receiverRequests: receiver.requests,
      deliveryStates: Object.fromEntries(deliveryStates.map((r) => [r.status, Number(r.n)])),
      paymentsWithoutEvent: l.paymentsWithoutEvent,
      unsettledPayments: unsettled,
      drainMs,
    });
    if (traffic.anomalies.length)
      report('crash loop: anomalies', { first: traffic.anomalies.slice(0, 5) });

    expect(l.committed).toBeGreaterThan(0);
    expect(l.lostRefs).toEqual([]);
    expect(l.duplicates).toBe(0);
    expect(traffic.anomalies).toEqual([]);
    expect(l.paymentsWithoutEvent).toBe(0);
    expect(l.undeliveredEvents).toEqual([]);
    expect(unsettled).toBe(0);
  }, 600_000);
});
