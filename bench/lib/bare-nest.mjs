// The framework ceiling of issue 14: bench/bare-nest/main.mjs as a process of its own, measured
// once per run with the same autocannon settings as our routes (and its own CPU per request).
import { join } from 'node:path';
import { ctx, K } from './context.mjs';
import { cannon, summarize } from './load.mjs';
import { ROOT, startService } from './service.mjs';
import { CpuMeter, log } from './util.mjs';

/** req/s, latency and CPU per request of GET /constant on the bare app; measured at most once. */
export async function bareNestCeiling() {
  if (ctx.bareNest) return ctx.bareNest;
  const app = await startService({
    name: 'bare Nest',
    port: await ctx.portFor(3),
    env: { PATH: process.env.PATH, NODE_ENV: 'production' },
    logFile: join(ctx.work, 'bare-nest.log'),
    script: join(ROOT, 'bench', 'bare-nest', 'main.mjs'),
    readyPath: '/constant',
  });
  try {
    log(
      `bare Nest + Express: GET /constant at ${K.connections} connections for ${K.floorSeconds} s`,
    );
    const meter = new CpuMeter({ servicePid: app.pid, postmasterPid: null });
    const before = meter.snapshot();
    const run = await cannon({
      url: `${app.base}/constant`,
      connections: K.connections,
      duration: K.floorSeconds,
    });
    const cpu = CpuMeter.diff(before, meter.snapshot());
    const figure = summarize(run);
    figure.cpu = {
      serviceMs: cpu.serviceMs / figure.ok,
      postgresMs: null,
      benchMs: null,
      ops: figure.ok,
    };
    log(`  ${figure.rate.toFixed(0)} req/s`);
    ctx.bareNest = figure;
    return figure;
  } finally {
    await app.stop();
  }
}
