// What each service instance did in a window: its own CPU (from /proc) and its successful webhook
// attempts (from its /metrics), so two instances' split and their CPU per delivery can be judged.
import { processCpuSeconds } from './util.mjs';

async function successfulAttempts(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('webhook_attempts_total{result="success"}'));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function snapshot(instances) {
  return Promise.all(
    instances.map(async (i) => ({
      cpuSeconds: processCpuSeconds(i.pid),
      delivered: await successfulAttempts(i.base),
    })),
  );
}

/** Runs `fn` and returns its value with, per instance, { cpuSeconds, delivered } in that window. */
export async function measureInstances(instances, fn) {
  const before = await snapshot(instances);
  const value = await fn();
  const after = await snapshot(instances);
  const perInstance = after.map((a, k) => ({
    cpuSeconds: a.cpuSeconds - before[k].cpuSeconds,
    delivered: a.delivered - before[k].delivered,
  }));
  return { value, perInstance };
}

/** Deliveries per CPU-second over all instances, and the smaller instance's share of the work. */
export function efficiency(perInstance) {
  const cpu = perInstance.reduce((s, i) => s + i.cpuSeconds, 0);
  const delivered = perInstance.reduce((s, i) => s + i.delivered, 0);
  const smallest = Math.min(...perInstance.map((i) => i.delivered));
  return {
    cpuSeconds: cpu,
    delivered,
    perCpuSecond: cpu > 0 ? delivered / cpu : null,
    smallerShare: delivered > 0 ? smallest / delivered : null,
  };
}
