import type { Client } from 'pg';
import {
  connectDb,
  createQuotes,
  type Http,
  paymentItem,
  postPayments,
  waitFor,
} from '../support/payments-fixtures';
import { ServiceProcess, tcpClientOwner } from '../support/service-process';
import { createTestDatabase } from '../support/test-database';
import { Receiver, subscribe, verifyHook } from '../support/webhook-fixtures';

/**
 * ROLE=api and ROLE=worker as real processes on one PostgreSQL: the api takes the traffic, the
 * worker relays and delivers. SIGKILL the worker under traffic, start another, and count.
 */

const PER_POST = 5;
/** Short enough that the killed worker's leased deliveries are sent again within the test. */
const LEASE_MS = 1500;

const report = (line: string): void => void process.stdout.write(`\n${line}\n`);

const count = async (db: Client, sql: string): Promise<number> =>
  Number((await db.query(sql)).rows[0].n);

/** Posts payments of PER_POST items through `http` until told to stop; counts what was created. */
class Traffic {
  created = 0;
  posts = 0;
  private stopped = false;
  private running?: Promise<void>;

  constructor(private readonly http: Http) {}

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const quotes = await createQuotes(this.http, PER_POST);
      const res = await postPayments(
        this.http,
        quotes.map((q) => paymentItem(q.id)),
      );
      if (res.status !== 201) throw new Error(`create payments: ${res.status} ${res.text}`);
      this.created += PER_POST;
      this.posts++;
    }
  }
}

describe('api and worker roles as separate processes (real service processes)', () => {
  const processes: ServiceProcess[] = [];
  let receiver: Receiver | undefined;
  let db: Client | undefined;
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
    await receiver?.stop();
    await db?.end();
  });
  const start = async (name: string, databaseUrl: string, role: 'api' | 'worker') => {
    const service = await ServiceProcess.start({
      name,
      databaseUrl,
      env: { ROLE: role, WEBHOOK_LEASE_MS: String(LEASE_MS), WEBHOOK_CONCURRENCY: '8' },
    });
    processes.push(service);
    return service;
  };

  it('loses nothing when the worker is SIGKILLed under traffic and restarted', async () => {
    const databaseUrl = await createTestDatabase();
    db = await connectDb(databaseUrl);
    receiver = new Receiver();
    // A little think time per request, so deliveries are in flight when the worker dies.
    receiver.answer = () => ({ status: 200, delayMs: 10 });
    await receiver.start();

    const api = await start('api', databaseUrl, 'api');
    const worker = await start('worker-1', databaseUrl, 'worker');
    const sub = await subscribe(api.http, {
      callbackUrl: receiver.url,
      eventTypes: ['payment.created'],
    });
    const senders = new Map<number, string>();
    const pids = [api.pid, worker.pid];
    receiver.onHook = (hook) => {
      const pid = tcpClientOwner(hook.remotePort, receiver!.port, pids);
      if (pid) senders.set(pid, pid === api.pid ? 'api' : 'worker');
    };

    const traffic = new Traffic(api.http);
    traffic.start();
    await waitFor(async () => receiver!.hooks.length, { until: (n) => n >= 20, timeoutMs: 30_000 });
    expect(await worker.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = { created: traffic.created, received: receiver.hooks.length };

    // The api keeps taking payments with no worker at all: their events wait in the outbox.
    await waitFor(async () => traffic.created, {
      until: (n) => n >= atKill.created + 4 * PER_POST,
      timeoutMs: 30_000,
      what: 'payments created while no worker runs',
    });
    const restarted = await start('worker-2', databaseUrl, 'worker');
    pids.push(restarted.pid);
    await waitFor(async () => traffic.created, {
      until: (n) => n >= atKill.created + 8 * PER_POST,
      timeoutMs: 30_000,
    });
    await traffic.stop();

    const eventIds = (
      await db.query<{ id: string }>(
        "select id from outbox_event where type = 'payment.created' order by id",
      )
    ).rows.map((r) => r.id);
    expect(eventIds).toHaveLength(traffic.created);
    await waitFor(
      () => count(db!, "select count(*) as n from webhook_delivery where status = 'DELIVERED'"),
      {
        until: (n) => n === eventIds.length,
        timeoutMs: 60_000,
        what: `all ${eventIds.length} deliveries DELIVERED; worker-2 said:\n${restarted.output()}`,
      },
    );

    for (const hook of receiver.hooks) verifyHook(sub.secret, hook);
    const delivered = new Set(receiver.hooks.map((h) => String(h.headers['webhook-id'])));
    const lost = eventIds.filter((id) => !delivered.has(id));
    report(
      `roles crash: payments=${traffic.created} (${traffic.posts} POSTs to the api) events=${eventIds.length} ` +
        `delivered=${delivered.size} lost=${lost.length} requests=${receiver.hooks.length} ` +
        `(worker killed after ${atKill.received} requests, ${atKill.created} payments)`,
    );
    expect(lost).toEqual([]);
    expect(
      await count(db, 'select count(*) as n from outbox_event where published_at is null'),
    ).toBe(0);
    // Only workers send: the api process never made a delivery (when /proc could tell).
    expect([...senders.values()].filter((who) => who === 'api')).toEqual([]);
  }, 180_000);
});
