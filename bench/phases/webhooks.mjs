// Webhook deliveries/s: due deliveries inserted straight into the table, delivered by one
// instance, then by two on the same database; the receiver's own capacity as the ceiling.
import { join } from 'node:path';
import { ctx, K } from '../lib/context.mjs';
import { ensureSubscription, measureDeliveries, receiverCeiling } from '../lib/hooks.mjs';
import { efficiency, measureInstances } from '../lib/instance-work.mjs';
import { serviceEnv, startService } from '../lib/service.mjs';
import { envNumber, log, sleep } from '../lib/util.mjs';

export async function webhooks() {
  await ensureSubscription();
  log(
    `webhooks: receiver ceiling (undici, ${K.webhookConcurrency} connections, another process) for ${K.webhookCeilingSeconds} s`,
  );
  const ceiling = await receiverCeiling();
  log(`  receiver takes ${ceiling.rate.toFixed(0)} POST/s`);
  const perInstance = Math.ceil(envNumber('BENCH_WEBHOOK_EXPECTED_RATE', 3000) * K.webhookSeconds);
  log(`webhooks: ${perInstance} due deliveries, one instance`);
  ctx.rss.phase = 'load:webhooks';
  const oneRun = await measureInstances([ctx.svc], () =>
    ctx.window('webhooks-one', () => measureDeliveries('one instance', perInstance)),
  );
  const one = oneRun.value;
  ctx.rss.phase = 'idle';

  log('webhooks: starting a second instance on the same database');
  const b = await startService({
    name: 'service B',
    port: await ctx.portFor(1),
    env: serviceEnv({ DATABASE_URL: ctx.dbUrl, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' }),
    logFile: join(ctx.work, 'service-b.log'),
  });
  ctx.cleanups.push(() => b.stop());
  ctx.F.startupExistingDatabaseMs = b.readyMs;
  log(`  second instance ready in ${b.readyMs.toFixed(0)} ms`);
  await sleep(1000);
  const twoRun = await measureInstances([ctx.svc, b], () =>
    ctx.window('webhooks-two', () => measureDeliveries('two instances', perInstance * 2)),
  );
  const two = twoRun.value;
  await b.stop();
  const oneWork = efficiency(oneRun.perInstance);
  const twoWork = efficiency(twoRun.perInstance);
  log(
    `  deliveries per service CPU-second: one ${oneWork.perCpuSecond?.toFixed(0)}, two ${twoWork.perCpuSecond?.toFixed(0)}; split ${twoRun.perInstance.map((i) => i.delivered).join(' / ')}`,
  );

  one.cpu = ctx.cpuPer('webhooks-one', one.received);
  two.cpu = ctx.cpuPer('webhooks-two', two.received); // instance A only
  ctx.F.webhooks = { ceiling, oneInstance: one, twoInstances: two, oneWork, twoWork };
  ctx.rows.push({
    key: 'deliveriesOne',
    label: 'webhook deliveries/s, one instance',
    value: one.rate,
    unit: '/s',
    ceiling: ceiling.rate,
    ceilingLabel: 'receiver, plain undici',
    ratio: one.rate / ceiling.rate,
  });
  ctx.rows.push({
    key: 'webhookCpuPerDelivery',
    label: 'webhook delivery, service CPU per delivery',
    value: one.cpu?.serviceMs ?? null,
    unit: 'ms',
  });
  ctx.rows.push({
    key: 'deliveriesTwo',
    label: 'webhook deliveries/s, two instances',
    value: two.rate,
    unit: '/s',
    ceiling: one.rate,
    ceilingLabel: 'one instance',
    ratio: two.rate / one.rate,
  });
  ctx.rows.push({
    key: 'deliveriesPerCpuTwo',
    label: 'deliveries per service CPU-second, two instances',
    value: twoWork.perCpuSecond,
    unit: '/CPU-s',
    ceiling: oneWork.perCpuSecond,
    ceilingLabel: 'one instance',
    ratio: oneWork.perCpuSecond ? twoWork.perCpuSecond / oneWork.perCpuSecond : null,
  });
  ctx.rows.push({
    key: 'webhookSplit',
    label: 'two instances: smaller share of the deliveries',
    value: twoWork.smallerShare,
    unit: '',
  });
}
