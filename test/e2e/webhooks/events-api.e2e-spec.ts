import {
  createPayment,
  expectProblem,
  expectValidationFailed,
  moveInSandbox,
  unknownId,
  waitFor,
} from '../../support/payments-fixtures';
import { type Hook, subscribe } from '../../support/webhook-fixtures';
import { verifies } from '../../support/webhook-ops-fixtures';
import { useWebhooksApp } from '../../support/webhooks-app';

const EVENTS = '/api/v1/events';

/** The events API answers the envelopes byte for byte as they were delivered. */
describe('events API', () => {
  const { ctx, http, addReceiver, newAccount } = useWebhooksApp();
  const receiver = addReceiver();
  let secret: string;
  let paymentId: string;
  let hooks: Hook[];
  let times: number[];

  beforeAll(async () => {
    secret = (await subscribe(http, { callbackUrl: await receiver.start() })).secret;
    times = [ctx.t.clock.now().getTime()];
    paymentId = (await createPayment(http)).id;
    for (const status of ['PROCESSING', 'PAID']) {
      ctx.t.clock.advance(60_000);
      times.push(ctx.t.clock.now().getTime());
      expect((await moveInSandbox(http, paymentId, status)).status).toBe(200);
    }
    // One hook per event: delivery is at least once, so a retried event (a first attempt that
    // outlived its timeout on a loaded machine) arrives twice with the same webhook-id and bytes.
    hooks = await waitFor(
      async () => {
        const ofPayment = receiver.hooks.filter((h) => JSON.parse(h.body).data.id === paymentId);
        return [...new Map(ofPayment.map((h) => [String(h.headers['webhook-id']), h])).values()];
      },
      { until: (hs) => hs.length === 3, what: 'three events delivered' },
    );
    // In event order (arrival order is not guaranteed).
    hooks.sort((a, b) => JSON.parse(a.body).data.version - JSON.parse(b.body).data.version);
  });

  it('GET /events/{id} answers exactly the bytes that were delivered', async () => {
    for (const hook of hooks) {
      expect(verifies(secret, hook)).toBe(true);
      const res = await http().get(`${EVENTS}/${String(hook.headers['webhook-id'])}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.text).toBe(hook.body);
    }
  });

  it('GET /payments/{id}/events is the history, oldest first, as delivered', async () => {
    const res = await http().get(`/api/v1/payments/${paymentId}/events`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((e: { data: { version: number } }) => e.data.version)).toEqual([
      1, 2, 3,
    ]);
    expect(res.body.data.map((e: unknown) => JSON.stringify(e))).toEqual(hooks.map((h) => h.body));
  });

  it('GET /events lists newest first, filters by paymentId and type, and pages with the cursor', async () => {
    const all = await http().get(EVENTS).query({ paymentId }).expect(200);
    expect(all.body.data.map((e: unknown) => JSON.stringify(e))).toEqual(
      hooks.map((h) => h.body).reverse(),
    );
    expect(all.body.nextCursor).toBeNull();

    const paid = await http().get(EVENTS).query({ paymentId, type: 'payment.paid' }).expect(200);
    expect(paid.body.data.map((e: { type: string }) => e.type)).toEqual(['payment.paid']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = { paymentId, limit: 1 };
      if (cursor) query.cursor = cursor;
      const page = await http().get(EVENTS).query(query).expect(200);
      seen.push(...page.body.data.map((e: { id: string }) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(hooks.map((h) => h.headers['webhook-id']).reverse());
  });

  it('filters by createdFrom (inclusive) and createdTo (exclusive)', async () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const versions = async (query: Record<string, string>) =>
      (
        await http()
          .get(EVENTS)
          .query({ paymentId, ...query })
          .expect(200)
      ).body.data.map((e: { data: { version: number } }) => e.data.version);
    expect(await versions({ createdFrom: iso(times[1]) })).toEqual([3, 2]);
    expect(await versions({ createdTo: iso(times[1]) })).toEqual([1]);
    expect(await versions({ createdFrom: iso(times[1]), createdTo: iso(times[2]) })).toEqual([2]);
  });

  it.each([
    [{ type: 'payment.exploded' }, ['type']],
    [{ paymentId: 'nope' }, ['paymentId']],
    [{ createdFrom: 'yesterday' }, ['createdFrom']],
    [{ createdTo: '2026-13-01T00:00:00Z' }, ['createdTo']],
    [{ limit: 0 }, ['limit']],
    [{ cursor: 'bm9wZQ' }, ['cursor']],
    [{ status: 'PAID' }, ['status']],
  ])('GET /events refuses %p: 400 naming the field', async (query, fields) => {
    expectValidationFailed(await http().get(EVENTS).query(query), fields);
  });

  it("answers 404 for an unknown or malformed id, and for another account's event or payment", async () => {
    const other = await newAccount('Other');
    for (const id of [unknownId(), 'nope'])
      expectProblem(await http().get(`${EVENTS}/${id}`), 404, 'event-not-found');
    for (const id of [unknownId(), 'nope'])
      expectProblem(await http().get(`/api/v1/payments/${id}/events`), 404, 'payment-not-found');
    const eventId = String(hooks[0].headers['webhook-id']);
    expectProblem(await other.http().get(`${EVENTS}/${eventId}`), 404, 'event-not-found');
    expectProblem(
      await other.http().get(`/api/v1/payments/${paymentId}/events`),
      404,
      'payment-not-found',
    );
    expect((await other.http().get(EVENTS).query({ paymentId }).expect(200)).body.data).toEqual([]);
  });

  it('serves every filter from an index (EXPLAIN shows no sequential scan)', async () => {
    const accountId = JSON.parse(hooks[0].body).accountId;
    const base = `select id from outbox_event where account_id = $1`;
    const queries: [string, unknown[]][] = [
      [
        `${base} and type in ('payment.created', 'payment.paid') order by id desc limit 21`,
        [accountId],
      ],
      [`${base} and type = 'payment.paid' order by id desc limit 21`, [accountId]],
      [`${base} and aggregate_id = $2 order by id desc limit 21`, [accountId, paymentId]],
      [`${base} and aggregate_id = $2 order by id limit 1000`, [accountId, paymentId]],
      [
        `${base} and occurred_at >= $2 and occurred_at < $3 order by id desc limit 21`,
        [accountId, new Date(times[0]), new Date()],
      ],
      [`select id from outbox_event where id = $1 and account_id = $2`, [paymentId, accountId]],
    ];
    await ctx.db.query('set enable_seqscan = off');
    try {
      for (const [sql, params] of queries) {
        const plan = (await ctx.db.query(`explain ${sql}`, params)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
        // No sequential scan, and the rows are found through an index condition on the account
        // (or the id), not by walking a whole index.
        const bounded = /Index Cond: \(\(?(account_id|id) = /.test(plan);
        expect({ sql, plan, seqScan: /Seq Scan/.test(plan), bounded }).toEqual({
          sql,
          plan,
          seqScan: false,
          bounded: true,
        });
      }
    } finally {
      await ctx.db.query('set enable_seqscan = on');
    }
  });
});
