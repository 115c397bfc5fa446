import { randomBytes } from 'node:crypto';
import {
  connectDb,
  createAccount,
  createPayment,
  expectProblem,
  type Http,
  ISO_UTC_MS,
  moveInSandbox,
  outboxRowsOf,
  PAYMENTS,
  type PaymentView,
  usePaymentsApp,
  UUID_V7,
  waitFor,
} from '../../support/payments-fixtures';
import {
  ALL_EVENT_TYPES,
  deliveriesOf,
  type DeliveryView,
  type Envelope,
  metricSample,
  Receiver,
  subscribe,
  SUBSCRIPTIONS,
  verifyAll,
  verifyHook,
  waitForDelivery,
} from '../../support/webhook-fixtures';
import { workersSettled } from '../../support/workers-settled';

const ADMIN_KEY = '0123456789abcdef0123';
const POLL_MS = 20;
const BASE_MS = 1000;

/**
 * Deliveries end to end against real receivers on 127.0.0.1: what arrives (signed envelopes of
 * every event, per subscription and type filter), unsubscribing, the delivery log, metrics.
 */
describe('webhook delivery', () => {
  const ctx = usePaymentsApp({
    ADMIN_API_KEY: ADMIN_KEY,
    OUTBOX_POLL_INTERVAL_MS: String(POLL_MS),
    WEBHOOK_POLL_INTERVAL_MS: String(POLL_MS),
    WEBHOOK_RETRY_BASE_MS: String(BASE_MS),
  });
  const receivers: Receiver[] = [];
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.stop()));
  });

  /** Every test works in an account of its own: no other test's payments reach its receivers. */
  const newAccount = (name: string) => createAccount(ctx.t, ADMIN_KEY, name);
  async function newReceiver(): Promise<Receiver> {
    const receiver = new Receiver();
    receivers.push(receiver);
    await receiver.start();
    return receiver;
  }
  const waitForHooks = (receiver: Receiver, n: number, what = `${n} deliveries`) =>
    waitFor(async () => receiver.hooks.length, { until: (count) => count >= n, what });
  /** Waits until the relay and the dispatcher have sent all that is due now (counted passes). */
  const quiet = () => workersSettled(ctx.t);
  const secretOf = () => `whsec_${randomBytes(32).toString('base64')}`;

  /** A sandbox move that must succeed; the payment as the move answered it. */
  const move = async (
    http: Http,
    id: string,
    status: string,
    failureReason?: string,
  ): Promise<PaymentView> => {
    const res = await moveInSandbox(http, id, status, failureReason);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 200 });
    return res.body as PaymentView;
  };
  /** The payment as GET answers it now. */
  const read = async (http: Http, id: string): Promise<PaymentView> =>
    (await http().get(`${PAYMENTS}/${id}`).expect(200)).body;

  describe('the payment lifecycle', () => {
    it('arrives signed, one delivery per event, with data equal to the payment as GET answered it at that version', async () => {
      const account = await newAccount('Lifecycle');
      const http = account.http;
      const receiver = await newReceiver();
      const secret = secretOf();
      const sub = await subscribe(http, { callbackUrl: receiver.url, secret });
      expect(sub.secret).toBe(secret);

      // Every state each payment goes through, as GET answers it right after the move.
      const snapshots: PaymentView[] = [];
      const paid = await createPayment(http);
      snapshots.push(await read(http, paid.id));
      await move(http, paid.id, 'PROCESSING');
      snapshots.push(await read(http, paid.id));
      await move(http, paid.id, 'PAID');
      snapshots.push(await read(http, paid.id));

      const cancelled = await createPayment(http);
      snapshots.push(await read(http, cancelled.id));
      await http().post(`${PAYMENTS}/${cancelled.id}/cancel`).expect(200);
      snapshots.push(await read(http, cancelled.id));

      const failed = await createPayment(http);
      snapshots.push(await read(http, failed.id));
      await move(http, failed.id, 'PROCESSING');
      snapshots.push(await read(http, failed.id));
      await move(http, failed.id, 'FAILED', 'beneficiary account closed');
      snapshots.push(await read(http, failed.id));

      await waitForHooks(receiver, snapshots.length);
      await quiet();
      expect(receiver.hooks).toHaveLength(snapshots.length);

      const envelopes = verifyAll(secret, receiver);
      // Order is not guaranteed: match each snapshot to its event by payment and version.
      const byVersion = new Map(envelopes.map((e) => [`${e.data.id}@${e.data.version}`, e]));
      expect(byVersion.size).toBe(snapshots.length);
      const typeOf: Record<string, string> = {
        PENDING: 'payment.created',
        PROCESSING: 'payment.processing',
        PAID: 'payment.paid',
        FAILED: 'payment.failed',
        CANCELLED: 'payment.cancelled',
      };
      const events = [
        ...(await outboxRowsOf(ctx.db, paid.id)),
        ...(await outboxRowsOf(ctx.db, cancelled.id)),
        ...(await outboxRowsOf(ctx.db, failed.id)),
      ];
      const occurredAt = new Map(
        (
          await ctx.db.query<{ id: string; occurred_at: Date }>(
            'select id, occurred_at from outbox_event where id = any($1)',
            [events.map((e) => e.id)],
          )
        ).rows.map((r) => [r.id, r.occurred_at]),
      );
      for (const snapshot of snapshots) {
        const envelope = byVersion.get(`${snapshot.id}@${snapshot.version}`) as Envelope;
        const event = events.find(
          (e) => e.aggregate_id === snapshot.id && e.payload.version === snapshot.version,
        )!;
        expect(envelope).toEqual({
          id: event.id,
          type: typeOf[snapshot.status],
          createdAt: occurredAt.get(event.id)!.toISOString(),
          accountId: account.id,
          data: snapshot,
        });
        expect(envelope.createdAt).toMatch(ISO_UTC_MS);
      }
      expect(envelopes.map((e) => e.type).sort()).toEqual(
        [
          'payment.created',
          'payment.processing',
          'payment.paid',
          'payment.created',
          'payment.cancelled',
          'payment.created',
          'payment.processing',
          'payment.failed',
        ].sort(),
      );
      // One webhook-id per event, each once (the receiver answered 200 every time).
      expect(new Set(receiver.hooks.map((h) => h.headers['webhook-id']))).toEqual(
        new Set(events.map((e) => e.id)),
      );

      // The log agrees: one DELIVERED delivery per event, each with one 200 attempt.
      const deliveries = await deliveriesOf(http, sub.id);
      expect(deliveries).toHaveLength(snapshots.length);
      for (const d of deliveries) {
        expect(d).toMatchObject({
          status: 'DELIVERED',
          nextAttemptAt: null,
          deliveredAt: expect.stringMatching(ISO_UTC_MS),
        });
        expect(d.attempts).toEqual([
          {
            attemptedAt: expect.stringMatching(ISO_UTC_MS),
            statusCode: 200,
            durationMs: expect.any(Number),
            error: null,
          },
        ]);
        expect(
          byVersion.get(
            `${(envelopes.find((e) => e.id === d.eventId) as Envelope).data.id}@${(envelopes.find((e) => e.id === d.eventId) as Envelope).data.version}`,
          )?.type,
        ).toBe(d.eventType);
      }
    });

    it("signs with the subscription's own secret: another secret does not verify it", async () => {
      const account = await newAccount('Secrets');
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      await waitForHooks(receiver, 1);
      verifyHook(sub.secret, receiver.hooks[0]);
      expect(() => verifyHook(secretOf(), receiver.hooks[0])).toThrow();
      // A body changed on the way does not verify either.
      const tampered = {
        ...receiver.hooks[0],
        body: receiver.hooks[0].body.replace('"version":1', '"version":2'),
      };
      expect(tampered.body).not.toBe(receiver.hooks[0].body);
      expect(() => verifyHook(sub.secret, tampered)).toThrow();
    });
  });

  describe('subscriptions and type filters', () => {
    it('sends each subscription only the types it chose, and every event to each subscription for all types', async () => {
      const account = await newAccount('Filters');
      const http = account.http;
      const [paidOnly, createdOrCancelled, all1, all2] = [
        await newReceiver(),
        await newReceiver(),
        await newReceiver(),
        await newReceiver(),
      ];
      const subPaid = await subscribe(http, {
        callbackUrl: paidOnly.url,
        eventTypes: ['payment.paid'],
      });
      const subCc = await subscribe(http, {
        callbackUrl: createdOrCancelled.url,
        eventTypes: ['payment.created', 'payment.cancelled'],
      });
      const subAll1 = await subscribe(http, { callbackUrl: all1.url });
      const subAll2 = await subscribe(http, {
        callbackUrl: all2.url,
        eventTypes: [...ALL_EVENT_TYPES],
      });

      const p1 = await createPayment(http);
      await move(http, p1.id, 'PROCESSING');
      await move(http, p1.id, 'PAID');
      const p2 = await createPayment(http);
      await http().post(`${PAYMENTS}/${p2.id}/cancel`).expect(200);
      const eventIds = [
        ...(await outboxRowsOf(ctx.db, p1.id)),
        ...(await outboxRowsOf(ctx.db, p2.id)),
      ].map((e) => e.id);
      expect(eventIds).toHaveLength(5);

      await waitForHooks(all1, 5);
      await waitForHooks(all2, 5);
      await waitForHooks(createdOrCancelled, 3);
      await waitForHooks(paidOnly, 1);
      await quiet();

      const types = (secret: string, receiver: Receiver) =>
        verifyAll(secret, receiver)
          .map((e) => e.type)
          .sort();
      expect(types(subPaid.secret, paidOnly)).toEqual(['payment.paid']);
      expect(types(subCc.secret, createdOrCancelled)).toEqual([
        'payment.cancelled',
        'payment.created',
        'payment.created',
      ]);
      const everything = [
        'payment.cancelled',
        'payment.created',
        'payment.created',
        'payment.paid',
        'payment.processing',
      ];
      expect(types(subAll1.secret, all1)).toEqual(everything);
      expect(types(subAll2.secret, all2)).toEqual(everything);
      // The same event carries the same webhook-id to every subscription, signed with each one's secret.
      const ids = (receiver: Receiver) => receiver.hooks.map((h) => h.headers['webhook-id']).sort();
      expect(ids(all1)).toEqual([...eventIds].sort());
      expect(ids(all2)).toEqual(ids(all1));
      expect(() => verifyAll(subAll1.secret, all2)).toThrow();

      // No delivery rows for types a subscription did not choose.
      expect((await deliveriesOf(http, subPaid.id)).map((d) => d.eventType)).toEqual([
        'payment.paid',
      ]);
    });

    it('gives two subscriptions of one URL a delivery each', async () => {
      const account = await newAccount('Same URL');
      const receiver = await newReceiver();
      const a = await subscribe(account.http, { callbackUrl: receiver.url });
      const b = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      await waitForHooks(receiver, 2);
      await quiet();
      expect(receiver.hooks).toHaveLength(2);
      expect(receiver.hooks[0].headers['webhook-id']).toBe(receiver.hooks[1].headers['webhook-id']);
      // One of them verifies with a's secret, the other with b's.
      const verifies = (secret: string) =>
        receiver.hooks.filter((h) => {
          try {
            verifyHook(secret, h);
            return true;
          } catch {
            return false;
          }
        }).length;
      expect([verifies(a.secret), verifies(b.secret)]).toEqual([1, 1]);
    });

    it("never sends an account's events to another account's subscriptions", async () => {
      const mine = await newAccount('Mine');
      const theirs = await newAccount('Theirs');
      const myReceiver = await newReceiver();
      const theirReceiver = await newReceiver();
      const mySub = await subscribe(mine.http, { callbackUrl: myReceiver.url });
      await subscribe(theirs.http, { callbackUrl: theirReceiver.url });
      const payment = await createPayment(mine.http);
      await waitForHooks(myReceiver, 1);
      await quiet();
      expect(verifyAll(mySub.secret, myReceiver).map((e) => [e.accountId, e.data.id])).toEqual([
        [mine.id, payment.id],
      ]);
      expect(theirReceiver.hooks).toEqual([]);
    });

    it('sends nothing for events committed before the subscription existed', async () => {
      const account = await newAccount('Late subscriber');
      const early = await createPayment(account.http);
      await waitFor(
        async () =>
          (
            await ctx.db.query(
              'select count(*) as n from outbox_event where aggregate_id = $1 and published_at is not null',
              [early.id],
            )
          ).rows[0].n === '1',
        { what: 'the event published' },
      );
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      const late = await createPayment(account.http);
      await waitForHooks(receiver, 1);
      await quiet();
      expect(verifyAll(sub.secret, receiver).map((e) => e.data.id)).toEqual([late.id]);
    });
  });

  describe('unsubscribing', () => {
    it('stops a delivery waiting for its retry: CANCELLED, and the receiver gets nothing more', async () => {
      const account = await newAccount('Unsubscribe pending');
      const receiver = await newReceiver();
      // A retry a minute away (503 + Retry-After), so the delivery is read while it waits and not
      // while its second attempt is already leased (a 1 s backoff raced the read under load).
      receiver.answer = () => ({ status: 503, headers: { 'retry-after': '60' } });
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      const failedOnce = await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.attempts.length === 1,
        'a first failed attempt',
      );
      expect(failedOnce.status).toBe('PENDING');
      const retryAt = Date.parse(failedOnce.nextAttemptAt!);

      await account.http().delete(`${SUBSCRIPTIONS}/${sub.id}`).expect(204);

      const row = (
        await ctx.db.query(
          'select status, next_attempt_at, attempts from webhook_delivery where id = $1',
          [failedOnce.id],
        )
      ).rows[0];
      expect(row).toEqual({ status: 'CANCELLED', next_attempt_at: null, attempts: 1 });
      // Past the moment the retry was due, and the dispatcher has run since.
      ctx.t.clock.advance(retryAt - ctx.t.clock.now().getTime() + 1000);
      await quiet();
      expect(receiver.hooks).toHaveLength(1);
      expect(
        (await ctx.db.query('select status from webhook_delivery where id = $1', [failedOnce.id]))
          .rows[0].status,
      ).toBe('CANCELLED');
      expect(
        (
          await ctx.db.query('select count(*) as n from webhook_attempt where delivery_id = $1', [
            failedOnce.id,
          ])
        ).rows[0].n,
      ).toBe('1');

      // And new events of the account make no delivery for it.
      await createPayment(account.http);
      await quiet();
      expect(receiver.hooks).toHaveLength(1);
      expect(
        (
          await ctx.db.query(
            'select count(*) as n from webhook_delivery where subscription_id = $1',
            [sub.id],
          )
        ).rows[0].n,
      ).toBe('1');
    });

    it('stops a delivery in flight: a 200 that arrives after the DELETE leaves it CANCELLED, and nothing is sent again', async () => {
      const account = await newAccount('Unsubscribe in flight');
      const receiver = await newReceiver();
      receiver.answer = () => 'hold';
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      await waitFor(async () => receiver.heldCount, {
        until: (n) => n === 1,
        what: 'a held request',
      });
      const [delivery] = await deliveriesOf(account.http, sub.id);

      await account.http().delete(`${SUBSCRIPTIONS}/${sub.id}`).expect(204);
      receiver.releaseHeld({ status: 200 });

      // The attempt is logged, the outcome does not revive the delivery.
      await waitFor(
        async () =>
          (
            await ctx.db.query('select count(*) as n from webhook_attempt where delivery_id = $1', [
              delivery.id,
            ])
          ).rows[0].n,
        { until: (n) => n === '1', what: 'the attempt logged' },
      );
      await quiet();
      expect(
        (
          await ctx.db.query('select status, delivered_at from webhook_delivery where id = $1', [
            delivery.id,
          ])
        ).rows[0],
      ).toEqual({ status: 'CANCELLED', delivered_at: null });
      expect(receiver.hooks).toHaveLength(1);
    });

    /**
     * The DELETE races the relay: the fan-out has read the subscription as ACTIVE and is inserting
     * its delivery when the DELETE cancels the subscription's PENDING deliveries. A table lock
     * taken by the test holds both at that point, then lets them go together.
     */
    it('starts no attempt for a subscription deleted while its event was being fanned out', async () => {
      const account = await newAccount('Unsubscribe during fan-out');
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      const blocker = await connectDb(ctx.t.databaseUrl);
      const waiting = async (sql: string): Promise<number> =>
        Number(
          (
            await ctx.db.query(
              `select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike $1`,
              [`${sql}%`],
            )
          ).rows[0].n,
        );
      let deleted: Promise<number> | undefined;
      try {
        await blocker.query('begin');
        await blocker.query('lock table webhook_delivery in share mode');
        await createPayment(account.http);
        await waitFor(() => waiting('insert into webhook_delivery'), {
          until: (n) => n === 1,
          what: 'the fan-out waiting to insert',
        });
        deleted = account
          .http()
          .delete(`${SUBSCRIPTIONS}/${sub.id}`)
          .then((res) => res.status);
        // The DELETE waits either on the subscription row (held by the fan-out's FOR SHARE) or
        // on the deliveries it cancels: both are the race this test is about.
        await waitFor(
          async () =>
            (await waiting("update webhook_subscription set status = 'DELETED'")) +
            (await waiting("update webhook_delivery set status = 'CANCELLED'")),
          { until: (n) => n === 1, what: 'the DELETE waiting' },
        );
      } finally {
        await blocker.query('commit');
        await blocker.end();
      }
      expect(await deleted).toBe(204);

      await quiet();
      const rows = (
        await ctx.db.query('select status from webhook_delivery where subscription_id = $1', [
          sub.id,
        ])
      ).rows;
      // A send already in flight when the DELETE cancelled the delivery may still land (around
      // the 204); no attempt starts after it: at most that one send, and the delivery ends CANCELLED.
      expect({ deliveries: rows }).toEqual({
        deliveries: rows.length ? [{ status: 'CANCELLED' }] : [],
      });
      expect(receiver.hooks.length).toBeLessThanOrEqual(1);
      expect(
        Number(
          (
            await ctx.db.query(
              `select count(*) as n from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id where d.subscription_id = $1`,
              [sub.id],
            )
          ).rows[0].n,
        ),
      ).toBeLessThanOrEqual(1);
    });
  });

  describe('GET /api/v1/payments/subscriptions/{id}/deliveries', () => {
    let http: Http;
    let subId: string;
    let good: DeliveryView;
    let bad: DeliveryView;

    beforeAll(async () => {
      const account = await newAccount('Delivery log');
      http = account.http;
      const receiver = await newReceiver();
      let failing = '';
      // 500 for one payment's events, 200 for the other's.
      receiver.answer = (hook) =>
        (JSON.parse(hook.body) as Envelope).data.id === failing
          ? { status: 500, body: 'nope' }
          : { status: 200 };
      subId = (
        await subscribe(http, { callbackUrl: receiver.url, eventTypes: ['payment.created'] })
      ).id;
      const ok = await createPayment(http);
      await waitFor(async () => receiver.hooks.length, {
        until: (n) => n === 1,
        what: 'the first delivery',
      });
      const ko = await createPayment(http);
      failing = ko.id;
      await waitFor(() => deliveriesOf(http, subId), {
        until: (ds) => ds.length === 2 && ds.every((d) => d.attempts.length >= 1),
        what: 'both attempted',
      });
      [bad, good] = await deliveriesOf(http, subId);
      expect([good.eventId, bad.eventId]).toEqual([
        (await outboxRowsOf(ctx.db, ok.id))[0].id,
        (await outboxRowsOf(ctx.db, ko.id))[0].id,
      ]);
    });

    it('lists deliveries newest first with every attempt: time, status code, duration, error', async () => {
      const res = await http().get(`${SUBSCRIPTIONS}/${subId}/deliveries`).expect(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.data.map((d: DeliveryView) => d.id)).toEqual([bad.id, good.id]);
      expect(good).toEqual({
        id: expect.stringMatching(UUID_V7),
        eventId: expect.stringMatching(UUID_V7),
        eventType: 'payment.created',
        status: 'DELIVERED',
        attempts: [
          {
            attemptedAt: expect.stringMatching(ISO_UTC_MS),
            statusCode: 200,
            durationMs: expect.any(Number),
            error: null,
          },
        ],
        nextAttemptAt: null,
        createdAt: expect.stringMatching(ISO_UTC_MS),
        deliveredAt: expect.stringMatching(ISO_UTC_MS),
      });
      expect(bad).toMatchObject({
        status: 'PENDING',
        nextAttemptAt: expect.stringMatching(ISO_UTC_MS),
        deliveredAt: null,
      });
      expect(bad.attempts[0]).toEqual({
        attemptedAt: expect.stringMatching(ISO_UTC_MS),
        statusCode: 500,
        durationMs: expect.any(Number),
        error: null,
      });
      expect(Date.parse(bad.nextAttemptAt!)).toBeGreaterThan(
        Date.parse(bad.attempts[0].attemptedAt),
      );
      for (const attempt of [...good.attempts, ...bad.attempts])
        expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    });

    it.each([
      ['DELIVERED', () => [good.id]],
      ['PENDING', () => [bad.id]],
      ['FAILED', () => []],
      ['CANCELLED', () => []],
    ])('filters by ?status=%s', async (status, expected) => {
      const res = await http()
        .get(`${SUBSCRIPTIONS}/${subId}/deliveries`)
        .query({ status })
        .expect(200);
      expect(res.body.data.map((d: DeliveryView) => d.id)).toEqual(expected());
    });

    it('refuses an unknown ?status=: 400 validation-failed', async () => {
      expectProblem(
        await http().get(`${SUBSCRIPTIONS}/${subId}/deliveries`).query({ status: 'LOST' }),
        400,
        'validation-failed',
      );
    });

    it('pages with limit and cursor', async () => {
      const first = await http()
        .get(`${SUBSCRIPTIONS}/${subId}/deliveries`)
        .query({ limit: 1 })
        .expect(200);
      expect(first.body.data.map((d: DeliveryView) => d.id)).toEqual([bad.id]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await http()
        .get(`${SUBSCRIPTIONS}/${subId}/deliveries`)
        .query({ limit: 1, cursor: first.body.nextCursor })
        .expect(200);
      expect(second.body.data.map((d: DeliveryView) => d.id)).toEqual([good.id]);
      expect(second.body.nextCursor).toBeNull();
    });
  });

  describe('POST .../deliveries/{deliveryId}/retry', () => {
    it('sends a DELIVERED delivery once more (202), with the same webhook-id and body', async () => {
      const account = await newAccount('Resend');
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      await createPayment(account.http);
      const delivered = await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.status === 'DELIVERED',
        'DELIVERED',
      );

      const res = await account
        .http()
        .post(`${SUBSCRIPTIONS}/${sub.id}/deliveries/${delivered.id}/retry`);
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({
        id: delivered.id,
        eventId: delivered.eventId,
        status: 'PENDING',
      });

      await waitForHooks(receiver, 2);
      const again = await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.status === 'DELIVERED' && d.attempts.length === 2,
        'DELIVERED again',
      );
      expect(again.attempts.map((a) => a.statusCode)).toEqual([200, 200]);
      await quiet();
      expect(receiver.hooks).toHaveLength(2);
      verifyAll(sub.secret, receiver);
      expect(receiver.hooks[1].headers['webhook-id']).toBe(receiver.hooks[0].headers['webhook-id']);
      expect(receiver.hooks[1].body).toBe(receiver.hooks[0].body);
    });

    it("answers 404 delivery-not-found for an unknown delivery and another subscription's delivery", async () => {
      const account = await newAccount('Retry 404');
      const receiver = await newReceiver();
      const sub = await subscribe(account.http, { callbackUrl: receiver.url });
      const other = await subscribe(account.http, {
        callbackUrl: receiver.url,
        eventTypes: ['payment.paid'],
      });
      await createPayment(account.http);
      const delivered = await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.status === 'DELIVERED',
        'DELIVERED',
      );

      expectProblem(
        await account
          .http()
          .post(`${SUBSCRIPTIONS}/${sub.id}/deliveries/01900000-0000-7000-8000-000000000000/retry`),
        404,
        'delivery-not-found',
      );
      expectProblem(
        await account.http().post(`${SUBSCRIPTIONS}/${sub.id}/deliveries/not-a-uuid/retry`),
        404,
        'delivery-not-found',
      );
      expectProblem(
        await account.http().post(`${SUBSCRIPTIONS}/${other.id}/deliveries/${delivered.id}/retry`),
        404,
        'delivery-not-found',
      );
      // Another account cannot retry it either (the subscription is not theirs).
      const stranger = await newAccount('Stranger');
      expectProblem(
        await stranger.http().post(`${SUBSCRIPTIONS}/${sub.id}/deliveries/${delivered.id}/retry`),
        404,
        'subscription-not-found',
      );
      await quiet();
      expect(receiver.hooks).toHaveLength(1);
    });
  });

  describe('GET /metrics', () => {
    it('exposes outbox_backlog, webhook_attempts_total, webhook_deliveries_pending and http_request_duration_seconds', async () => {
      const account = await newAccount('Metrics');
      const receiver = await newReceiver();
      receiver.answer = (_hook, n) => (n === 1 ? { status: 503 } : { status: 200 });
      const sub = await subscribe(account.http, {
        callbackUrl: receiver.url,
        eventTypes: ['payment.created'],
      });
      const before = (await ctx.t.http().get('/metrics').expect(200)).text;
      await createPayment(account.http);
      await waitForDelivery(
        account.http,
        sub.id,
        (d) => d.status === 'DELIVERED',
        'DELIVERED',
        15_000,
      );

      const res = await ctx.t.http().get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      const text = res.text;
      const delta = (name: string, labels: Record<string, string>) =>
        (metricSample(text, name, labels) ?? 0) - (metricSample(before, name, labels) ?? 0);
      expect(delta('webhook_attempts_total', { result: 'http_503' })).toBeGreaterThanOrEqual(1);
      expect(delta('webhook_attempts_total', { result: 'success' })).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/^# TYPE webhook_attempts_total counter$/m);
      expect(metricSample(text, 'outbox_backlog')).toBe(
        Number(
          (await ctx.db.query('select count(*) as n from outbox_event where published_at is null'))
            .rows[0].n,
        ),
      );
      expect(text).toMatch(/^# TYPE outbox_backlog gauge$/m);
      expect(metricSample(text, 'webhook_deliveries_pending')).toBe(
        Number(
          (
            await ctx.db.query(
              "select count(*) as n from webhook_delivery where status = 'PENDING'",
            )
          ).rows[0].n,
        ),
      );
      expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
      expect(
        metricSample(text, 'http_request_duration_seconds_count', {
          method: 'POST',
          route: '/api/v1/payments/subscribe',
          status: '201',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        metricSample(text, 'http_request_duration_seconds_count', {
          method: 'GET',
          route: '/api/v1/payments/subscriptions/:id/deliveries',
          status: '200',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(delta('webhook_delivery_latency_seconds_count', {})).toBeGreaterThanOrEqual(1);
      expect(
        delta('webhook_deliveries_finished_total', { status: 'DELIVERED' }),
      ).toBeGreaterThanOrEqual(1);
    });
  });
});
