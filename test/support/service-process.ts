/**
 * The REAL service as a child process (`node -r ts-node/register/transpile-only src/main.ts`), for
 * the crash tests: SIGKILL it mid-work, start another on the same database, run two side by side.
 * Nothing is faked in the child: it reads its configuration from the environment like production.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { listensOn } from './socket-owner';

export { tcpClientOwner } from './socket-owner';

const REPO_ROOT = join(__dirname, '..', '..');
/** The last this-many characters of the child's stdout and stderr are kept for failure messages. */
const OUTPUT_KEPT = 64 * 1024;

export const SERVICE_DEMO_KEY = 'sk_test_demo_key_for_crash_tests';

export interface ServiceProcessOptions {
  /** The database the child uses; every process of one scenario gets the same. */
  databaseUrl: string;
  /** Extra environment, e.g. WEBHOOK_LEASE_MS; wins over the defaults below. */
  env?: Record<string, string>;
  /** A name in failure messages ("A", "B"). */
  name?: string;
  readyTimeoutMs?: number;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ServiceProcess {
  private outputText = '';
  private exitInfo: ExitInfo | undefined;
  readonly exited: Promise<ExitInfo>;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      this.outputText = (this.outputText + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      }),
    );
  }

  /**
   * Spawns the service on a free port and resolves once `/health/ready` answers 200 (the database
   * is migrated) from this child. The port was free a moment before the child binds it: another
   * test's server may take it in between. A 200 then counts only from the process holding the
   * listening socket (socket-owner.ts), and a child that lost the port (EADDRINUSE) is started
   * again on another one.
   */
  static async start(options: ServiceProcessOptions, attempts = 3): Promise<ServiceProcess> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await ServiceProcess.startOnce(options);
      } catch (error) {
        if (attempt >= attempts || !/EADDRINUSE/.test(String(error))) throw error;
      }
    }
  }

  private static async startOnce(options: ServiceProcessOptions): Promise<ServiceProcess> {
    const port = await freePort();
    const name = options.name ?? `service:${port}`;
    const env: NodeJS.ProcessEnv = {
      // Only what a process needs to run: nothing of Jest's or the caller's DATABASE_URL leaks in.
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: '10',
      DEMO_API_KEY: SERVICE_DEMO_KEY,
      PAYOUT_SIMULATOR: 'off',
      OUTBOX_POLL_INTERVAL_MS: '50',
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_RETRY_BASE_MS: '200',
      RATE_LIMIT_PER_MINUTE: '100000',
      TS_NODE_TRANSPILE_ONLY: 'true',
      ...options.env,
    };
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
      {
        cwd: REPO_ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const service = new ServiceProcess(name, port, child);
    try {
      await service.waitReady(options.readyTimeoutMs ?? 60_000);
    } catch (error) {
      await service.kill('SIGKILL');
      throw error;
    }
    return service;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.exitInfo === undefined;
  }

  /** What the child printed (the last 64 KiB), for failure messages. */
  output(): string {
    return this.outputText;
  }

  /** supertest against this process, authorized with the demo key. */
  http = (): request.Agent =>
    request.agent(this.baseUrl).set('Authorization', `Bearer ${SERVICE_DEMO_KEY}`);

  /** Sends `signal` and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitInfo> {
    if (this.exitInfo) return this.exitInfo;
    this.child.kill(signal);
    return this.exited;
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exitInfo) {
        throw new Error(
          `${this.name} exited (${JSON.stringify(this.exitInfo)}) before it was ready:\n${this.outputText}`,
        );
      }
      try {
        const res = await fetch(`${this.baseUrl}/health/ready`, {
          signal: AbortSignal.timeout(2_000),
        });
        // Ours only if this child holds the listening socket (undefined: /proc cannot tell).
        if (res.status === 200 && listensOn(this.pid, this.port) !== false) return;
      } catch {
        // nothing listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`${this.name} was not ready after ${timeoutMs} ms:\n${this.outputText}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * A port nothing listens on, for a test that needs connections refused until it listens there
 * itself. Below Linux's ephemeral range (32768-60999 by default), the kernel never hands it to
 * another test's listen(0) or to an outgoing connection in the meantime, as it may with
 * freePort's. Starts from the pid so that parallel Jest workers try different ports.
 */
export async function portOutsideEphemeralRange(): Promise<number> {
  const first = 20_000 + (process.pid % 10_000);
  for (let i = 0; i < 1_000; i++) {
    const port = 20_000 + ((first - 20_000 + i * 7) % 10_000);
    const server = createServer();
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return port;
    }
  }
  throw new Error('no free port in 20000-29999');
}

/** A TCP port nothing listens on right now (the kernel's choice, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
