import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestApp, type TestApp } from '../support/test-app';

const ROOT = resolve(__dirname, '..', '..');
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The README's walk-through: the bash blocks marked `<!-- walkthrough -->`, in order. */
export function walkthroughBlocks(readme: string): string[] {
  return [...readme.matchAll(/<!-- walkthrough -->\n```bash\n([\s\S]*?)\n```/g)].map((m) => m[1]);
}

/**
 * What the README says the blocks print: every comment line that is one word (an HTTP status, an
 * outcome, an error code, a number, an id), in order. Ids are patterns: they differ on every run.
 */
export function expectedLines(blocks: string[]): RegExp[] {
  return blocks
    .join('\n')
    .split('\n')
    .map((line) => /^# ([\w.-]+)$/.exec(line)?.[1])
    .filter((word): word is string => word !== undefined)
    .map(
      (word) =>
        new RegExp(`^${/^[0-9a-f-]{36}$/.test(word) ? UUID : word.replace(/[.]/g, '\\.')}$`),
    );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * Runs a script with bash -euo pipefail at the repository's root, its `mktemp` files in a directory
 * of its own; kills whatever it left running (a receiver, if a step failed before `kill`).
 */
function runBash(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const trace = process.env.WALKTHROUGH_TRACE ? "PS4='+ $EPOCHREALTIME '; set -x\n" : '';
  const tmp = mkdtempSync(join(tmpdir(), 'walkthrough-'));
  const child = spawn('bash', ['-c', `set -euo pipefail\n${trace}${script}`], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, TMPDIR: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is already gone: the walk-through stopped its receiver itself
    }
  };
  const timer = setTimeout(killGroup, 60_000);
  child.once('exit', killGroup);
  return new Promise((done) => {
    // 'close' comes once every process holding the pipes is gone, so no output is lost.
    child.once('close', (code) => {
      clearTimeout(timer);
      rmSync(tmp, { recursive: true, force: true });
      done({ code, stdout, stderr });
    });
  });
}

/**
 * The README walk-through, copied as written (only the two ports change: the service's and the
 * receiver's, chosen free here), runs with bash against the service listening on 127.0.0.1, and
 * prints every status and value the README shows, in order.
 */
describe('README walk-through', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        DEMO_API_KEY: 'sk_test_demo',
        OUTBOX_POLL_INTERVAL_MS: '20',
        WEBHOOK_POLL_INTERVAL_MS: '20',
      },
    });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t?.close();
  });

  const blocks = walkthroughBlocks(readFileSync(resolve(ROOT, 'README.md'), 'utf8'));

  it('has its blocks, and they say what they print', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const statuses = expectedLines(blocks).filter((re) => /^\^\d{3}\$$/.test(re.source));
    expect(statuses.map((re) => re.source.slice(1, 4))).toEqual([
      '201',
      '201',
      '200',
      '207',
      '400',
      '200',
      '200',
      '201',
      '200',
      '200',
      '200',
      '409',
      '201',
      '400',
      '201',
      '200',
    ]);
  });

  it('runs as written and prints what the README shows', async () => {
    const receiverPort = await freePort();
    const script = blocks
      .join('\n')
      .replaceAll('127.0.0.1:3000', `127.0.0.1:${port}`)
      .replaceAll('127.0.0.1:4000', `127.0.0.1:${receiverPort}`)
      .replaceAll('.listen(4000,', `.listen(${receiverPort},`);

    const { code, stdout, stderr } = await runBash(script);

    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    // Every line the README shows, in order (other output may come between them).
    const lines = stdout.split('\n');
    let at = 0;
    for (const expected of expectedLines(blocks)) {
      const found = lines.findIndex((line, i) => i >= at && expected.test(line));
      if (found < 0) throw new Error(`${expected} not printed after line ${at}:\n${stdout}`);
      at = found + 1;
    }
    // The INR payment of steps 2 to 8 (step 10 adds a EUR one after it).
    const payment = (
      await t
        .http()
        .get('/api/v1/payments?status=PAID')
        .set('Authorization', 'Bearer sk_test_demo')
        .expect(200)
    ).body.data[0];
    expect(stdout).toContain(`verified payment.paid ${payment.id}`);
    expect(payment).toMatchObject({ status: 'PAID', version: 3 });
    // Each `field` starts a Node process: about 20 of them on a loaded 2-core machine.
  }, 120_000);
});
