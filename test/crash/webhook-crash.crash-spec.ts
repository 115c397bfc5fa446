import type { Client } from 'pg';
import {
  connectDb,
  createQuotes,
  type Http,
  paymentItem,
  postPayments,
  waitFor,
} from '../support/payments-fixtures';
import { type ExitInfo, ServiceProcess, tcpClientOwner } from '../support/service-process';
import { createTestDatabase } from '../support/test-database';
import { type Hook, Receiver, subscribe, verifyHook } from '../support/webhook-fixtures';

/**
 * The real service as child processes on one PostgreSQL: SIGKILL one after it leased deliveries
 * and before it recorded them, restart another, and count what the receiver got.
 */

const LEASE_MS = 1000;
const CONCURRENCY = 6;
/** What the dispatcher leases at once: two overlapping passes of CONCURRENCY / 2, all sent at once. */
const BATCH = CONCURRENCY;

/** Creates `n` payments (n quotes, then POSTs of at most 100 items); each commits one event. */
async function createPayments(http: Http, n: number): Promise<void> {
  const quotes = await createQuotes(http, n);
  for (let i = 0; i < n; i += 100) {
    const res = await postPayments(
      http,
      quotes.slice(i, i + 100).map((q) => paymentItem(q.id)),
    );
    if (res.status !== 201)
      throw new Error(`create payments: ${res.status} ${res.text.slice(0, 500)}`);
  }
}

/** The figures go to the terminal as they are, whatever the reporter (and not as console noise). */
const report = (line: string): void => void process.stdout.write(`\n${line}\n`);

const count = async (db: Client, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await db.query(sql, params)).rows[0].n);

/** Deliveries not yet recorded DELIVERED, or leased by a process that may still be sending. */
const IN_FLIGHT_OR_UNDELIVERED =
  "select count(*) as n from webhook_delivery where status <> 'DELIVERED' or lease_id is not null";

interface Figures {
  committed: number;
  /** Distinct events the receiver answered 200 for. */
  delivered: number;
  received: number;
  duplicates: number;
  lost: number;
}

/** Delivered = distinct webhook-ids answered 200; duplicates = requests beyond one per webhook-id. */
function figures(
  eventIds: readonly string[],
  hooks: readonly Hook[],
  answered200: ReadonlySet<Hook>,
): Figures {
  const ids = hooks.map((h) => String(h.headers['webhook-id']));
  const delivered = new Set(
    hooks.filter((h) => answered200.has(h)).map((h) => String(h.headers['webhook-id'])),
  );
  return {
    committed: eventIds.length,
    delivered: delivered.size,
    received: hooks.length,
    duplicates: ids.length - new Set(ids).size,
    lost: eventIds.filter((id) => !delivered.has(id)).length,
  };
}

describe('webhook delivery across crashes (real service processes)', () => {
  const processes: ServiceProcess[] = [];
  const receivers: Receiver[] = [];
  const dbs: Client[] = [];
  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
    await Promise.all(dbs.splice(0).map((db) => db.end()));
  });
  const start = async (name: string, databaseUrl: string, env: Record<string, string> = {}) => {
    const service = await ServiceProcess.start({ name, databaseUrl, env });
    processes.push(service);
    return service;
  };

  it('delivers every committed event after a process is SIGKILLed holding leased, in-flight deliveries', async () => {
    const N = 30;
    const databaseUrl = await createTestDatabase();
    const db = await connectDb(databaseUrl);
    dbs.push(db);
    const receiver = new Receiver();
    receivers.push(receiver);
    // Phase 1: the receiver never answers, so the first pass's deliveries stay in flight.
    receiver.answer = () => 'hold';
    const answered200 = new Set<Hook>();
    await receiver.start();
    const env = {
      WEBHOOK_LEASE_MS: String(LEASE_MS),
      WEBHOOK_CONCURRENCY: String(CONCURRENCY),
      WEBHOOK_TIMEOUT_MS: '30000',
    };

    const a = await start('A', databaseUrl, env);
    // A dies as its CONCURRENCY-th request reaches the receiver, all of them still unanswered: A
    // gives up on a held send after LEASE_MS - 200 ms and records it as failed (then sends more),
    // so a kill by the test once it has seen them depended on how fast the test ran.
    let killed: Promise<ExitInfo> | undefined;
    let killedAt = 0;
    receiver.onHook = () => {
      if (killed || receiver.hooks.length < CONCURRENCY) return;
      killedAt = Date.now();
      killed = a.kill('SIGKILL');
    };
    const sub = await subscribe(a.http, {
      callbackUrl: receiver.url,
      eventTypes: ['payment.created'],
    });
    await createPayments(a.http, N);

    // A leased what it may send at once: all of it in flight (held by the receiver) when it died,
    // the other deliveries wait unleased.
    await waitFor(async () => receiver.heldCount, {
      until: (n) => n === CONCURRENCY,
      timeoutMs: 20_000,
      what: 'the first requests held',
    });
    const state = await waitFor(
      async () =>
        (
          await db.query<{ total: number; leased: number; unleased: number; attempted: number }>(
            `select count(*)::int as total, count(lease_id)::int as leased,
                      count(*) filter (where lease_id is null and status = 'PENDING')::int as unleased,
                      count(*) filter (where attempts > 0)::int as attempted
               from webhook_delivery`,
          )
        ).rows[0],
      {
        until: (s) => s.total === N && s.leased === BATCH,
        timeoutMs: 20_000,
        what: 'one leased batch',
      },
    );
    expect(state).toEqual({ total: N, leased: BATCH, unleased: N - BATCH, attempted: 0 });
    expect(receiver.hooks).toHaveLength(CONCURRENCY);
    expect(await count(db, 'select count(*) as n from webhook_attempt')).toBe(0);

    expect(await killed).toEqual({ code: null, signal: 'SIGKILL' });

    // Phase 2: a new process on the same database, and a receiver that answers 200.
    receiver.answer = (hook) => {
      answered200.add(hook);
      return { status: 200 };
    };
    const b = await start('B', databaseUrl, env);
    const eventIds = (
      await db.query<{ id: string }>('select id from outbox_event order by id')
    ).rows.map((r) => r.id);
    await waitFor(
      () => count(db, "select count(*) as n from webhook_delivery where status = 'DELIVERED'"),
      {
        until: (n) => n === N,
        timeoutMs: 30_000,
        what: `all ${N} deliveries DELIVERED by B; B said:\n${b.output()}`,
      },
    );
    // The counted sentinel instead of a sleep: every delivery recorded and no lease held, so no
    // process has a send in flight (a send holds its lease until its outcome is recorded).
    await waitFor(() => count(db, IN_FLIGHT_OR_UNDELIVERED), {
      until: (n) => n === 0,
      what: 'no send in flight',
    });

    for (const hook of receiver.hooks) verifyHook(sub.secret, hook);
    const f = figures(eventIds, receiver.hooks, answered200);
    const resentByB = receiver.hooks.filter((h) => h.receivedAt > killedAt);
    report(
      `crash: events committed=${f.committed} delivered=${f.delivered} duplicates=${f.duplicates} lost=${f.lost}` +
        ` (A leased ${BATCH}, all in flight, ${N - BATCH} unleased; receiver got ${f.received} requests, ${resentByB.length} after the SIGKILL)`,
    );
    expect(f).toEqual({
      committed: N,
      delivered: N,
      received: N + CONCURRENCY,
      duplicates: CONCURRENCY,
      lost: 0,
    });
    // The duplicates are exactly the requests A had in flight, sent again by B.
    const inFlightIds = new Set(
      receiver.hooks.slice(0, CONCURRENCY).map((h) => h.headers['webhook-id']),
    );
    expect(new Set(resentByB.map((h) => h.headers['webhook-id']))).toEqual(new Set(eventIds));
    expect(inFlightIds.size).toBe(CONCURRENCY);
    expect(
      await count(
        db,
        "select count(*) as n from webhook_delivery where status <> 'DELIVERED' or lease_id is not null",
      ),
    ).toBe(0);
  }, 120_000);

  it('shares the work between two processes on one database and sends no delivery twice', async () => {
    const N = 200;
    const databaseUrl = await createTestDatabase();
    const db = await connectDb(databaseUrl);
    dbs.push(db);
    const receiver = new Receiver();
    receivers.push(receiver);
    // A short think time per request: a pass takes a while, so the other process's polls find work.
    receiver.answer = () => ({ status: 200, delayMs: 20 });
    await receiver.start();
    const env = { WEBHOOK_CONCURRENCY: String(CONCURRENCY) };

    const [a, b] = await Promise.all([start('A', databaseUrl, env), start('B', databaseUrl, env)]);
    // Tell the processes apart by who owns the client end of each connection.
    const owner = new Map<number, string>();
    const byPid = new Map([
      [a.pid, 'A'],
      [b.pid, 'B'],
    ]);
    receiver.onHook = (hook) => {
      if (!owner.has(hook.remotePort)) {
        const pid = tcpClientOwner(hook.remotePort, receiver.port, [a.pid, b.pid]);
        owner.set(hook.remotePort, pid ? byPid.get(pid)! : '?');
      }
    };
    const sub = await subscribe(a.http, {
      callbackUrl: receiver.url,
      eventTypes: ['payment.created'],
    });
    // Every payment through A: its commits nudge only A's relay and dispatcher, so whatever B
    // sends it found by polling the shared tables.
    await createPayments(a.http, N);
    const eventIds = (
      await db.query<{ id: string }>('select id from outbox_event order by id')
    ).rows.map((r) => r.id);
    expect(eventIds).toHaveLength(N);

    await waitFor(
      () => count(db, "select count(*) as n from webhook_delivery where status = 'DELIVERED'"),
      {
        until: (n) => n === N,
        timeoutMs: 30_000,
        what: `all ${N} deliveries DELIVERED`,
      },
    );
    // The counted sentinel instead of a sleep: every delivery recorded and no lease held, so no
    // process has a send in flight (a send holds its lease until its outcome is recorded).
    await waitFor(() => count(db, IN_FLIGHT_OR_UNDELIVERED), {
      until: (n) => n === 0,
      what: 'no send in flight',
    });

    for (const hook of receiver.hooks) verifyHook(sub.secret, hook);
    const f = figures(eventIds, receiver.hooks, new Set(receiver.hooks));
    const perProcess: Record<string, number> = {};
    for (const hook of receiver.hooks) {
      const who = owner.get(hook.remotePort) ?? '?';
      perProcess[who] = (perProcess[who] ?? 0) + 1;
    }
    report(
      `two processes: events committed=${f.committed} received=${f.received} unique=${f.delivered} duplicates=${f.duplicates} lost=${f.lost}` +
        ` by process: ${Object.entries(perProcess)
          .sort()
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
    );
    expect(f).toEqual({ committed: N, delivered: N, received: N, duplicates: 0, lost: 0 });
    expect(await count(db, 'select count(*) as n from webhook_attempt')).toBe(N);
    expect(await count(db, 'select count(*) as n from webhook_delivery where attempts <> 1')).toBe(
      0,
    );
    // Both processes did part of the work (when /proc could tell them apart).
    if (!perProcess['?']) {
      expect(perProcess.A).toBeGreaterThan(0);
      expect(perProcess.B).toBeGreaterThan(0);
    }
  }, 120_000);
});
