/**
 * Database restart: the real service (a child process) runs on a PostgreSQL the test owns, under
 * steady payment traffic with a subscribed receiver. PostgreSQL is stopped for ~3 s and started
 * again on the same port and data directory. During the outage every request is answered quickly
 * with 503 problem+json and /health/ready says 503; afterwards the service recovers by itself
 * (201s again, ready 200) and nothing is lost.
 */
import { Client } from 'pg';
import { ServiceProcess, SERVICE_DEMO_KEY } from '../support/service-process';
import { CountingReceiver } from './support/counting-receiver';
import { drain, ledger, report } from './support/figures';
import { OwnedPostgres } from './support/owned-postgres';
import { outcomes, PaymentTraffic, type RequestRecord } from './support/traffic';

const OUTAGE_MS = 3_000;
/** An answer slower than this during the outage counts as a hang. */
const MAX_OUTAGE_ANSWER_MS = 5_000;
const PREFIX = 'dbrestart';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('database restart under load', () => {
  let pg: OwnedPostgres;
  let service: ServiceProcess | undefined;
  let receiver: CountingReceiver;
  let db: Client | undefined;

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await service?.kill('SIGKILL');
    await receiver?.stop();
    await pg?.destroy();
  });

  it(`PostgreSQL stopped for ${OUTAGE_MS} ms: 503 problem+json without hanging, ready 503, then recovery by itself with nothing lost`, async () => {
    pg = await OwnedPostgres.start();
    const admin = new Client({ connectionString: pg.url() });
    await admin.connect();
    await admin.query('create database payments');
    await admin.end();
    const databaseUrl = pg.url('payments');

    receiver = new CountingReceiver();
    const hookUrl = await receiver.start();
    service = await ServiceProcess.start({
      databaseUrl,
      name: 'db-restart',
      env: {
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_RETRY_MAX_DELAY_MS: '1000',
        WEBHOOK_LEASE_MS: '2000',
        RATE_LIMIT_PER_MINUTE: '0',
      },
    });
    const base = service.baseUrl;
    const sub = await fetch(`${base}/api/v1/payments/subscribe`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SERVICE_DEMO_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ callbackUrl: hookUrl }),
    });
    expect(sub.status).toBe(201);

    const traffic = new PaymentTraffic({
      baseUrl: () => base,
      apiKey: SERVICE_DEMO_KEY,
      loops: 4,
      prefix: PREFIX,
      timeoutMs: 15_000,
      backoffMs: 50,
    });
    const ready: { at: number; status: number; ms: number }[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const t0 = Date.now();
        let status = 0;
        try {
          status = (await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(10_000) }))
            .status;
        } catch {
          status = 0;
        }
        ready.push({ at: t0, status, ms: Date.now() - t0 });
        await sleep(100);
      }
    })();

    traffic.start();
    await sleep(2_000);
    const committedBefore = traffic.committed.size;

    const stopStarted = Date.now();
    await pg.stop();
    const down = Date.now();
    await sleep(OUTAGE_MS);
    const restartStarted = Date.now();
    await pg.restart();
    const up = Date.now();

    // Recovery: a payment committed after the restart, and ready 200 again, with no restart of the service.
    const firstCommitAfter = async () => {
      for (;;) {
        const r = traffic.log.find(
          (x) =>
            x.kind === 'payment' && x.startedAt >= up && (x.status === 201 || x.status === 200),
        );
        if (r) return r.endedAt - up;
        if (Date.now() - up > 30_000) return -1;
        await sleep(50);
      }
    };
    const recoveredPaymentMs = await firstCommitAfter();
    const readyAgain = async () => {
      for (;;) {
        const r = ready.find((x) => x.at >= up && x.status === 200);
        if (r) return r.at + r.ms - up;
        if (Date.now() - up > 30_000) return -1;
        await sleep(50);
      }
    };
    const recoveredReadyMs = await readyAgain();
    await sleep(1_000);
    await traffic.stop(30_000);
    probing = false;
    await prober;

    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const drainMs = await drain(db, receiver, 30_000);
    const l = await ledger(db, traffic, receiver, PREFIX);
    const { rows: deliveryStates } = await db.query<{ status: string; n: string }>(
      'select status, count(*) as n from webhook_delivery group by status order by status',
    );
    const subscriptions = Number(
      (await db.query('select count(*) as n from webhook_subscription')).rows[0].n,
    );
    const unpublished = Number(
      (await db.query('select count(*) as n from outbox_event where published_at is null')).rows[0]
        .n,
    );

    // Requests begun while the server was down (stopped, and not yet starting again).
    const during = traffic.log.filter((r) => r.startedAt >= down && r.startedAt < restartStarted);
    const notClean = (r: RequestRecord) =>
      r.status !== 503 ||
      !r.contentType.startsWith('application/problem+json') ||
      r.code !== 'service-unavailable';
    const slow = during.filter((r) => r.endedAt - r.startedAt > MAX_OUTAGE_ANSWER_MS);
    const readyDuring = ready.filter((r) => r.at >= down && r.at < restartStarted);
    const maxMs = (rs: { startedAt: number; endedAt: number }[]) =>
      rs.reduce((m, r) => Math.max(m, r.endedAt - r.startedAt), 0);

    report('database restart', {
      outageMs: restartStarted - down,
      stopTookMs: down - stopStarted,
      restartTookMs: up - restartStarted,
      requests: traffic.requests,
      requestsDuringOutage: during.length,
      outcomesDuringOutage: outcomes(during),
      codesDuringOutage: during.reduce<Record<string, number>>(
        (m, r) => ({ ...m, [String(r.code)]: (m[String(r.code)] ?? 0) + 1 }),
        {},
      ),
      slowestAnswerDuringOutageMs: maxMs(during),
      answersOverLimit: slow.length,
      readyDuringOutage: readyDuring.reduce<Record<string, number>>(
        (m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }),
        {},
      ),
      slowestReadyDuringOutageMs: readyDuring.reduce((m, r) => Math.max(m, r.ms), 0),
      committedBeforeOutage: committedBefore,
      recoveredPaymentMs,
      recoveredReadyMs,
      outcomesAll: outcomes(traffic.log),
      committed: l.committed,
      paymentsInDb: l.paymentsInDb,
      lost: l.lost,
      duplicates: l.duplicates,
      anomalies: traffic.anomalies.length,
      unfinishedByClient: traffic.unfinished,
      eventsCommitted: l.eventsCommitted,
      delivered: l.delivered,
      eventsLost: l.eventsLost,
      webhookDuplicates: l.webhookDuplicates,
      drainMs,
      subscriptions,
      deliveryStates: Object.fromEntries(deliveryStates.map((r) => [r.status, Number(r.n)])),
      eventsUnpublished: unpublished,
      serviceStillRunning: service.running,
    });
    if (during.some(notClean))
      report('database restart: unclean answers during the outage', {
        first: during.filter(notClean).slice(0, 5),
      });
    const fiveHundreds = traffic.log.filter((r) => r.status >= 500 && r.status !== 503);
    if (fiveHundreds.length) {
      report('database restart: non-503 server errors', {
        count: fiveHundreds.length,
        relativeToStopMs: fiveHundreds.map((r) => [
          r.startedAt - stopStarted,
          r.endedAt - stopStarted,
        ]),
        codes: fiveHundreds.map((r) => `${r.kind} ${r.status} ${r.code}`),
        serviceErrorLog: service
          .output()
          .split('\n')
          .filter((line) => /"level":50|error/i.test(line))
          .slice(0, 5)
          .map((line) => line.slice(0, 400)),
      });
    }
    if (traffic.anomalies.length)
      report('database restart: anomalies', { first: traffic.anomalies.slice(0, 5) });

    expect(service.running).toBe(true);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter(notClean)).toEqual([]);
    expect(slow).toEqual([]);
    // A request caught by the database going away (before or during the outage) is a 503 too, never a 500.
    expect(fiveHundreds.map((r) => `${r.kind} ${r.status} ${r.code}`)).toEqual([]);
    expect(readyDuring.length).toBeGreaterThan(0);
    expect(readyDuring.filter((r) => r.status !== 503)).toEqual([]);
    expect(recoveredPaymentMs).toBeGreaterThanOrEqual(0);
    expect(recoveredReadyMs).toBeGreaterThanOrEqual(0);
    expect(l.lostRefs).toEqual([]);
    expect(l.duplicates).toBe(0);
    expect(traffic.anomalies).toEqual([]);
    expect(l.undeliveredEvents).toEqual([]);
  }, 240_000);
});
