// Webhook deliveries/s: due deliveries inserted straight into the table, delivered by one
// instance, then by two on the same database; the receiver's own capacity as the ceiling. The judged
// windows spread the deliveries over BENCH_WEBHOOK_SUBSCRIPTIONS endpoints, as a service's traffic
// is: one subscription alone gets at most WEBHOOK_MAX_IN_FLIGHT_PER_SUBSCRIPTION requests at once by
// design (ADR 15), so its window measures that cap and is shown as information.
import { join } from 'node:path';
import { ctx, K } from '../lib/context.mjs';
import {
  ensureSubscription,
  measureDeliveries,
  moreSubscriptions,
  receiverCeiling,
} from '../lib/hooks.mjs';
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
  ctx.rss.phase = 'load:webhooks';
  log(`webhooks: ${perInstance} due deliveries, one instance, one subscription`);
  const single = await ctx.window('webhooks-one-subscription', () =>
    measureDeliveries('one subscription', perInstance),
  );
  single.cpu = ctx.cpuPer('webhooks-one-subscription', single.received);
  const subs = await moreSubscriptions(K.webhookSubscriptions);
  log(`webhooks: ${perInstance} due deliveries, one instance, ${subs.ids.length} subscriptions`);
  const oneRun = await measureInstances([ctx.svc], () =>
    ctx.window('webhooks-one', () => measureDeliveries('one instance', perInstance, subs.ids)),
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
    ctx.window('webhooks-two', () => measureDeliveries('two instances', perInstance * 2, subs.ids)),
  );
  const two = twoRun.value;
  await b.stop();
  await subs.remove();
  const oneWork = efficiency(oneRun.perInstance);
  const twoWork = efficiency(twoRun.perInstance);
  log(
    `  deliveries per service CPU-second: one ${oneWork.perCpuSecond?.toFixed(0)}, two ${twoWork.perCpuSecond?.toFixed(0)}; split ${twoRun.perInstance.map((i) => i.delivered).join(' / ')}`,
  );

  one.cpu = ctx.cpuPer('webhooks-one', one.received);
  two.cpu = ctx.cpuPer('webhooks-two', two.received); // instance A only
  ctx.F.webhooks = {
    ceiling,
    subscriptions: subs.ids.length,
    oneSubscription: single,
    oneInstance: one,
    twoInstances: two,
    oneWork,
    twoWork,
  };
  ctx.rows.push({
    key: 'deliveriesOneSubscription',
    label: 'webhook deliveries/s, one subscription (capped)',
    value: single.rate,
    unit: '/s',
    ceiling: ceiling.rate,
    ceilingLabel: 'receiver, plain undici',
    ratio: single.rate / ceiling.rate,
  });
  ctx.rows.push({
    key: 'deliveriesOne',
    label: `webhook deliveries/s, one instance, ${subs.ids.length} subscriptions`,
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
