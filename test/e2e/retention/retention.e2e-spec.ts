import { RetentionWorker } from '../../../src/retention';
import { createPayment } from '../../support/payments-fixtures';
import { subscribe } from '../../support/webhook-fixtures';
import { patched } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';
import { workersSettled } from '../../support/workers-settled';

const DAY_MS = 24 * 3600 * 1000;
const BATCH = 2;

/**
 * Retention (ADR 0016): past EVENT_RETENTION_DAYS, attempts, finished deliveries and published
 * events go, in bounded batches; unpublished events, PENDING deliveries and their events stay.
 * Time moves with the FakeClock; the job is run pass by pass.
 */
describe('retention job', () => {
  const { ctx, http, addReceiver } = useWebhooksApp({
    EVENT_RETENTION_DAYS: '30',
    RETENTION_BATCH_SIZE: String(BATCH),
    // Long enough that only the test's own passes delete anything after the first one.
    RETENTION_INTERVAL_MS: String(DAY_MS),
  });
  const receiver = addReceiver();

  const count = async (table: string, where: string, params: unknown[]): Promise<number> =>
    Number(
      (await ctx.db.query(`select count(*) as n from ${table} where ${where}`, params)).rows[0].n,
    );
  const eventsOf = (ids: string[]) => count('outbox_event', 'aggregate_id = any($1)', [ids]);
  const deliveriesOf = (ids: string[]) =>
    count(
      'webhook_delivery',
      'event_id in (select id from outbox_event where aggregate_id = any($1))',
      [ids],
    );

  it('deletes what is older than the retention, a batch at a time, and keeps the rest', async () => {
    const active = await subscribe(http, { callbackUrl: await receiver.start() });
    const old: string[] = [];
    for (let i = 0; i < 3; i++) old.push((await createPayment(http)).id);
    await workersSettled(ctx.t);
    expect(await count('webhook_delivery', `status = 'DELIVERED'`, [])).toBe(3);
    const oldAttempts = await count('webhook_attempt', 'true', []);
    expect(oldAttempts).toBeGreaterThanOrEqual(3);

    // A paused subscription's delivery waits: it and its event must outlive the retention.
    const paused = await subscribe(http, { callbackUrl: receiver.url });
    await patched(http, paused.id, { status: 'PAUSED' });
    const waiting = (await createPayment(http)).id;
    await workersSettled(ctx.t);
    // An event the relay has not published yet (its handler keeps failing, say).
    await ctx.db.query(
      `insert into outbox_event (id, type, aggregate_id, account_id, payload, occurred_at, available_at, attempts)
       select gen_random_uuid(), type, aggregate_id, account_id, payload, occurred_at, now() + interval '10 years', 3
       from outbox_event where aggregate_id = $1`,
      [waiting],
    );

    ctx.t.clock.advance(31 * DAY_MS);
    const recent = (await createPayment(http)).id;
    await workersSettled(ctx.t);
    const oldEventId = (
      await ctx.db.query('select id from outbox_event where aggregate_id = $1', [old[0]])
    ).rows[0].id;
    expect((await http().get(`/api/v1/events/${oldEventId}`)).status).toBe(200);

    const worker = ctx.t.app.get(RetentionWorker);
    const first = await worker.deleteOnce();
    // Bounded: 3 old events, 4 old finished deliveries, ≥ 4 old attempts, BATCH each at most.
    expect(first).toEqual({ attempts: BATCH, deliveries: BATCH, events: BATCH });
    await worker.settled(1);

    expect(await eventsOf(old)).toBe(0);
    expect(await deliveriesOf(old)).toBe(0);
    expect(
      await count('webhook_attempt', 'attempted_at < $1', [
        new Date(ctx.t.clock.now().getTime() - 30 * DAY_MS),
      ]),
    ).toBe(0);
    // The waiting event stays with its PENDING delivery; its finished one (to `active`) is gone.
    expect(await eventsOf([waiting])).toBe(2); // its published event and the unpublished copy
    expect(
      await count(
        'webhook_delivery',
        `subscription_id = $1 and status = 'PENDING' and event_id in (select id from outbox_event where aggregate_id = $2)`,
        [paused.id, waiting],
      ),
    ).toBe(1);
    expect(
      await count(
        'webhook_delivery',
        'subscription_id = $1 and event_id in (select id from outbox_event where aggregate_id = $2)',
        [active.id, waiting],
      ),
    ).toBe(0);
    expect(await count('outbox_event', 'published_at is null', [])).toBe(1);
    // Recent rows are untouched.
    expect(await eventsOf([recent])).toBe(1);
    expect(await deliveriesOf([recent])).toBe(2);

    // The events API no longer knows the deleted events.
    expect((await http().get(`/api/v1/events/${oldEventId}`)).status).toBe(404);
    const listed = await http().get('/api/v1/events').expect(200);
    const listedPayments = listed.body.data.map((e: { data: { id: string } }) => e.data.id);
    expect(listedPayments).toEqual(expect.arrayContaining([waiting, recent]));
    expect(listedPayments).not.toEqual(expect.arrayContaining([old[0]]));
    for (const id of old) expect(listedPayments).not.toContain(id);

    // Once the paused subscription resumes and its delivery finishes, the event goes too.
    await patched(http, paused.id, { status: 'ACTIVE' });
    await workersSettled(ctx.t);
    await worker.settled(1);
    expect(
      await count('outbox_event', 'aggregate_id = $1 and published_at is not null', [waiting]),
    ).toBe(0);
    expect(await count('outbox_event', 'published_at is null', [])).toBe(1);
    expect(await deliveriesOf([waiting])).toBe(0);
  });
});
