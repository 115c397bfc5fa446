// Turns the results into what a reader sees: targets applied to the rows, the result table, the
// CPU table, and the JSON written to bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { meets, TARGETS, targetText } from '../targets.mjs';
import { ROOT } from './service.mjs';
import { renderTable } from './util.mjs';

/** Each row with a target gets its text and its verdict (from bench/targets.mjs, nowhere else). */
export function applyTargets(rows) {
  for (const row of rows) {
    const target = TARGETS[row.key];
    if (!target) continue;
    row.target = targetText(target);
    row.pass = meets(target, row);
  }
}

/** What each figure's CPU row is called, and where its figure lives in `results.figures`. */
const CPU_ROWS = [
  ['GET /constant (bare Nest + Express)', (F) => F.frameworkFloor?.bareNest.cpu],
  ['GET /health/live (our floor)', (F) => F.frameworkFloor?.service.cpu],
  ['create quote (service)', (F) => F.createQuote?.service.cpu],
  ['create quote (ceiling: pg insert)', (F) => F.createQuote?.ceiling.cpu],
  ['create payment, max (service)', (F) => F.createPayment?.service.cpu],
  ['create payment, half rate (service)', (F) => F.createPayment?.fixedRate.cpu],
  ['create payment (ceiling: same SQL)', (F) => F.createPayment?.ceiling.cpu],
  ['get payment (service)', (F) => F.getPayment?.service.cpu],
  ['get payment (ceiling: pg select)', (F) => F.getPayment?.ceiling.cpu],
  ['webhook delivery, one subscription', (F) => F.webhooks?.oneSubscription?.cpu],
  ['webhook delivery, many subscriptions', (F) => F.webhooks?.oneInstance.cpu],
  ['event at 200/s, create→receipt', (F) => F.webhookLatency?.cpuPerEvent],
  ['outbox relay burst window, per event', (F) => F.relay?.cpuPerEvent],
  ['soak iteration (quote+pay+get)', (F) => F.soak?.cpuPerIteration],
];

/** CPU milliseconds per operation, by process: what each figure costs, whatever the noise. */
export function renderCpuTable(F) {
  const f = (v) => (v === null || v === undefined ? '—' : v.toFixed(2));
  const lines = CPU_ROWS.map(([label, pick]) => [label, pick(F)])
    .filter(([, c]) => c)
    .map(([label, c]) => [label, f(c.serviceMs), f(c.postgresMs), f(c.benchMs), String(c.ops)]);
  if (!lines.length) return '';
  const header = ['CPU ms per operation', 'service', 'postgres', 'bench', 'ops'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...lines.map(line)].join('\n');
}

/** Writes bench/results/<start time>.json and latest.json; returns the first's path. */
export function writeResults(results) {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  applyTargets(results.rows);
  results.table = renderTable(results.rows);
  results.cpuTable = renderCpuTable(results.figures);
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const file = join(dir, `${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return file;
}

export function printResults(results, file) {
  const m = results.machine;
  console.log(
    `\nPayments API benchmark (${m.cpus} × ${m.cpuModel}, node ${m.node}, PostgreSQL ${m.postgres ?? '?'}) in ${results.totalSeconds ?? '?'} s\n`,
  );
  console.log(results.table);
  if (results.cpuTable) console.log(`\n${results.cpuTable}`);
  if (results.notes.length) console.log(`\nnotes:\n  ${results.notes.join('\n  ')}`);
  console.log(`\nwritten: ${file}\n         bench/results/latest.json`);
}
