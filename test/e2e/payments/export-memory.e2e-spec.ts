/**
 * The export holds nothing but a batch in memory: 100,000 payments stream out of the REAL
 * service (a child process) while its RSS is sampled from /proc, and the first byte of the body
 * arrives within a second. The figures are printed for the README.
 */
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { Client } from 'pg';
import { SERVICE_DEMO_KEY, ServiceProcess } from '../../support/service-process';
import { createTestDatabase } from '../../support/test-database';

const PAYMENTS = 100_000;
const MiB = 1024 * 1024;

const rssOf = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/** Streams the export, counting bytes and line ends, never keeping the body. */
function streamExport(service: ServiceProcess, onChunk: () => void) {
  const started = performance.now();
  return new Promise<{
    status: number;
    firstByteMs: number;
    totalMs: number;
    bytes: number;
    lines: number;
  }>((resolve, reject) => {
    const req = get(
      `${service.baseUrl}/api/v1/payments/export`,
      { headers: { authorization: `Bearer ${SERVICE_DEMO_KEY}`, accept: 'text/csv' } },
      (res) => {
        let firstByteMs = -1;
        let bytes = 0;
        let lines = 0;
        res.on('data', (chunk: Buffer) => {
          if (firstByteMs < 0) firstByteMs = performance.now() - started;
          bytes += chunk.length;
          for (const byte of chunk) if (byte === 0x0a) lines++;
          onChunk();
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            firstByteMs,
            totalMs: performance.now() - started,
            bytes,
            lines,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

describe('GET /api/v1/payments/export of 100,000 payments', () => {
  let service: ServiceProcess;
  let db: Client;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    service = await ServiceProcess.start({ databaseUrl, name: 'export' });
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const started = performance.now();
    // One statement, so the fixture costs a second, not 100,000 requests. References carry a
    // comma and a quote on every tenth row, so quoting is exercised at volume.
    await db.query(
      `insert into payment (id, account_id, external_ref, quote_id, status, amount_minor, currency, country,
         fee_minor, beneficiary, reference, purpose, metadata, failure_reason, version, created_at, updated_at)
       select gen_random_uuid(), a.id, 'bulk-' || g, gen_random_uuid(), 'PAID', 100000 + g, 'USD', 'US', 100,
         '{"name":"Asha Rao","accountNumber":"50100012345678","bankCode":"021000021"}'::jsonb,
         case when g % 10 = 0 then 'Invoice ' || g || ', "batch"' else 'Invoice ' || g end,
         null, '{}'::jsonb, null, 3, now() - g * interval '1 second', now()
       from generate_series(1, $1::int) g, (select id from account limit 1) a`,
      [PAYMENTS],
    );
    // eslint-disable-next-line no-console -- the figures are this test's report
    console.log(`inserted ${PAYMENTS} payments in ${Math.round(performance.now() - started)} ms`);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await service?.kill('SIGTERM');
  });

  it('streams every row with flat memory and the first byte within a second', async () => {
    // Warm up (JIT, pools, the query plan), then measure from a settled baseline.
    await streamExport(service, () => undefined);
    const rssBefore = rssOf(service.pid);
    let rssMax = rssBefore;
    const samples: number[] = [];
    const result = await streamExport(service, () => {
      const rss = rssOf(service.pid);
      rssMax = Math.max(rssMax, rss);
      samples.push(rss);
    });
    const figures = {
      rows: result.lines - 1,
      megabytes: +(result.bytes / MiB).toFixed(1),
      firstByteMs: Math.round(result.firstByteMs),
      totalMs: Math.round(result.totalMs),
      rssBeforeMiB: +(rssBefore / MiB).toFixed(1),
      rssMaxDuringMiB: +(rssMax / MiB).toFixed(1),
      rssGrowthMiB: +((rssMax - rssBefore) / MiB).toFixed(1),
      // Flat: what the export holds does not grow with the rows already sent.
      rssAtQuarterMiB: +(samples[Math.floor(samples.length / 4)] / MiB).toFixed(1),
      rssAtEndMiB: +(samples[samples.length - 1] / MiB).toFixed(1),
    };
    // eslint-disable-next-line no-console -- the figures are this test's report
    console.log(`export figures: ${JSON.stringify(figures)}`);
    expect(result.status).toBe(200);
    expect(figures.rows).toBe(PAYMENTS);
    expect(figures.firstByteMs).toBeLessThan(1000);
    // Holding the rows (100,000 objects: well over 100 MiB) or the body (14 MiB of text, twice
    // that as a string) would grow RSS with every row sent. The garbage collector's own swing is
    // tens of MiB on a busy machine, hence the bounds: no growth past a quarter of the export
    // beyond that swing, and no growth overall near what the rows would take.
    expect(figures.rssAtEndMiB - figures.rssAtQuarterMiB).toBeLessThan(32);
    expect(figures.rssGrowthMiB).toBeLessThan(80);
  }, 120_000);

  it('a client that goes away mid-export gives its database connection back (more aborts than the pool holds)', async () => {
    const abortAfterFirstChunk = () =>
      new Promise<void>((resolve, reject) => {
        const req = get(
          `${service.baseUrl}/api/v1/payments/export`,
          { headers: { authorization: `Bearer ${SERVICE_DEMO_KEY}` } },
          (res) => res.once('data', () => (req.destroy(), resolve())),
        );
        req.on('error', (error) => (req.destroyed ? resolve() : reject(error)));
      });
    // DATABASE_POOL_SIZE is 10 in the child: a leaked connection per abort would starve the pool.
    for (let i = 0; i < 15; i++) await abortAfterFirstChunk();
    const res = await service.http().get('/api/v1/payments?limit=1').timeout(10_000);
    expect(res.status).toBe(200);
    const after = await streamExport(service, () => undefined);
    expect(after.lines - 1).toBe(PAYMENTS);
  }, 120_000);
});
