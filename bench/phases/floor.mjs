// The framework floor: our GET /health/live (no database, but every global middleware, logger,
// metrics, guard and interceptor) against a bare Nest + Express app answering a constant.
import { ctx, K } from '../lib/context.mjs';
import { bareNestCeiling } from '../lib/bare-nest.mjs';
import { cannon, summarize } from '../lib/load.mjs';
import { log, round } from '../lib/util.mjs';

export async function floor() {
  const bareNest = await bareNestCeiling();
  log(`framework floor: GET /health/live at ${K.connections} connections for ${K.floorSeconds} s`);
  ctx.rss.phase = 'load:floor';
  const run = await ctx.window('floor', () =>
    cannon({
      url: `${ctx.svc.base}/health/live`,
      connections: K.connections,
      duration: K.floorSeconds,
    }),
  );
  ctx.rss.phase = 'idle';
  const service = summarize(run);
  service.cpu = ctx.cpuPer('floor', service.ok);
  ctx.F.frameworkFloor = { service, bareNest };
  log(`  ${service.rate.toFixed(0)} req/s vs bare Nest ${bareNest.rate.toFixed(0)} req/s`);
  ctx.rows.push({
    key: 'frameworkFloor',
    label: `framework floor: GET /health/live req/s (${K.connections} conns)`,
    value: service.rate,
    unit: '/s',
    ceiling: bareNest.rate,
    ceilingLabel: 'bare Nest + Express',
    ratio: service.rate / bareNest.rate,
  });
  ctx.rows.push({
    key: 'frameworkFloorLatency',
    label: 'GET /health/live p50 / p99',
    value: `${service.p50} / ${service.p99} ms`,
    ceiling: `${round(bareNest.p50)} / ${round(bareNest.p99)} ms`,
  });
}
