import { SchedulerRegistry } from '@nestjs/schedule';
import type { Client } from 'pg';
import { ConfigError, loadConfig } from '../../../src/config/app-config';
import { ScheduledWorkers } from '../../../src/shared/infrastructure/scheduled-workers';
import { connectDb, createPayment, waitFor } from '../../support/payments-fixtures';
import { createTestApp, type TestApp } from '../../support/test-app';
import { createTestDatabase } from '../../support/test-database';

/** The api's clock runs an hour behind: a `published_at` an hour after `occurred_at` was the worker's. */
const API_BEHIND_MS = 3600_000;

const unpublished = async (db: Client): Promise<number> =>
  Number(
    (await db.query('select count(*) as n from outbox_event where published_at is null')).rows[0].n,
  );

describe('Runtime roles (ROLE=all | api | worker)', () => {
  const apps: TestApp[] = [];
  let db: Client | undefined;
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await db?.end();
    db = undefined;
  });
  const start = async (env: Record<string, string>, databaseUrl?: string) => {
    const t = await createTestApp({ env: { OUTBOX_POLL_INTERVAL_MS: '50', ...env }, databaseUrl });
    apps.push(t);
    return t;
  };
  const loops = (t: TestApp) => t.app.get(SchedulerRegistry).getIntervals().sort();
  /** Every ScheduledWorker the app has, started or not: a future loop is counted without edits here. */
  const workers = (t: TestApp) =>
    t.app
      .get(ScheduledWorkers)
      .all()
      .map((w) => w.name)
      .sort();

  describe('configuration', () => {
    it('refuses an unknown role, naming the variable', () => {
      expect(() => loadConfig({ ROLE: 'relay' })).toThrow(ConfigError);
      expect(() => loadConfig({ ROLE: 'relay' })).toThrow(/ROLE="relay"/);
    });

    it('refuses a worker whose loops are switched off', () => {
      expect(() => loadConfig({ ROLE: 'worker', SCHEDULERS: 'false' })).toThrow(/SCHEDULERS/);
    });

    it('defaults to all: HTTP and the loops', () => {
      const config = loadConfig({});
      expect(config.runtime.role).toBe('all');
      expect([config.runtime.servesApi, config.runtime.runsLoops]).toEqual([true, true]);
    });
  });

  it('all runs every loop', async () => {
    const t = await start({});
    expect(workers(t)).toEqual(
      expect.arrayContaining(['outbox-relay', 'retention', 'webhook-dispatcher']),
    );
    expect(loops(t)).toEqual(workers(t));
  });

  it('api registers no loop: its events stay unpublished until a worker on the same database publishes them', async () => {
    const api = await start({ ROLE: 'api', PAYOUT_SIMULATOR: 'on' });
    api.clock.advance(-API_BEHIND_MS);
    db = await connectDb(api.databaseUrl);
    expect(workers(api)).toEqual(
      expect.arrayContaining([
        'outbox-relay',
        'payout-simulator',
        'retention',
        'webhook-dispatcher',
      ]),
    );
    expect(loops(api)).toEqual([]);
    await createPayment(api.http);
    await createPayment(api.http);
    // Nothing in the api instance can publish them (no loop is registered, so the after-commit
    // nudge finds no relay): they wait for a worker.
    expect(await unpublished(db)).toBe(2);

    const worker = await start({ ROLE: 'worker', PAYOUT_SIMULATOR: 'on' }, api.databaseUrl);
    expect(loops(worker)).toEqual(workers(worker));
    await waitFor(() => unpublished(db!), { until: (n) => n === 0, what: 'events published' });

    // Created while the worker runs: no in-process nudge reaches it, its polling finds the event.
    await createPayment(api.http);
    await waitFor(() => unpublished(db!), { until: (n) => n === 0, what: 'third event published' });
    const { rows } = await db.query<{ ahead: boolean }>(
      `select published_at >= occurred_at + interval '59 minutes' as ahead from outbox_event`,
    );
    expect(rows.map((r) => r.ahead)).toEqual([true, true, true]);
  });

  describe('worker', () => {
    let worker: TestApp;
    beforeEach(async () => {
      worker = await start({ ROLE: 'worker' }, await createTestDatabase());
    });

    it('answers every API route with 404 problem+json, request id included', async () => {
      for (const path of ['/api/v1/payments', '/api/v1/payments/quote', '/docs', '/docs-json']) {
        const res = await worker.http().get(path);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.headers['x-request-id']).toEqual(expect.any(String));
        expect(res.body).toMatchObject({ status: 404, code: 'not-found', instance: path });
      }
      const post = await worker.http().post('/api/v1/payments').send({ payments: [] });
      expect([post.status, post.body.code]).toEqual([404, 'not-found']);
    });

    it('serves its probes and its metrics', async () => {
      expect((await worker.http().get('/health/live')).status).toBe(200);
      expect((await worker.http().get('/health/ready')).status).toBe(200);
      const metrics = await worker.http().get('/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.text).toMatch(/^# HELP /m);
    });
  });
});
