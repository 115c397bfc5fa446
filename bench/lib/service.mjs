// Starts the built service the way a user does (`node dist/src/main.js`) and stops it gracefully.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { now, sleep } from './util.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

// Whatever ends the bench (an exception, a closed stdout), the services it started get a SIGTERM:
// each then stops its schedulers and its embedded PostgreSQL instead of leaving them running.
const running = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});
export const MAIN = join(ROOT, 'dist', 'src', 'main.js');

/** Environment every instance gets: quiet logs, no payout simulator, no rate limit in the way. */
export function serviceEnv(extra) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  delete env.PORT;
  return {
    ...env,
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
    PAYOUT_SIMULATOR: 'off',
    // Generous: the benchmark measures the service, not its limiter (which still runs).
    RATE_LIMIT_PER_MINUTE: process.env.BENCH_RATE_LIMIT || '100000000',
    // Quotes made at the start of a long run must not expire before they are used.
    QUOTE_TTL_SECONDS: '86400',
    ...extra,
  };
}

/**
 * Spawns an instance and resolves once GET /health/ready answers 200, with the time it took
 * from spawn. `nodeArgs` lets a phase run it under `--cpu-prof`.
 */
export async function startService({
  name,
  port,
  env,
  logFile,
  nodeArgs = [],
  timeoutMs = 120_000,
  script = MAIN,
  readyPath = '/health/ready',
}) {
  const started = now();
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = null;
  running.add(child);
  child.once('exit', (code, signal) => {
    exited = { code, signal };
    running.delete(child);
  });
  const base = `http://127.0.0.1:${port}`;
  while (now() - started < timeoutMs) {
    if (exited)
      throw new Error(
        `${name} exited (${JSON.stringify(exited)}) before it was ready; see ${logFile}:\n${tail(logFile)}`,
      );
    try {
      const res = await request(`${base}${readyPath}`, { headersTimeout: 2000, bodyTimeout: 2000 });
      await res.body.dump();
      if (res.statusCode === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  const readyMs = now() - started;
  if (readyMs >= timeoutMs) {
    child.kill('SIGTERM');
    throw new Error(`${name} was not ready within ${timeoutMs} ms; see ${logFile}`);
  }
  return {
    name,
    child,
    pid: child.pid,
    port,
    base,
    readyMs,
    logFile,
    /** SIGTERM, then wait (the service drains, stops its schedulers and its embedded PostgreSQL). */
    async stop(timeout = 30_000) {
      if (exited) return exited;
      const done = new Promise((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      child.kill('SIGTERM');
      const result = await Promise.race([done, sleep(timeout).then(() => null)]);
      if (!result) {
        child.kill('SIGKILL');
        return { code: null, signal: 'SIGKILL' };
      }
      return result;
    },
    get exited() {
      return exited;
    },
  };
}

/** A TCP port free right now on this machine (the kernel picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The URL of the embedded PostgreSQL a service started in `dataDir` (port from its pid file). */
export function embeddedDatabaseUrl(dataDir) {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) throw new Error(`no ${pidFile}: is the embedded PostgreSQL running?`);
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

export function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
