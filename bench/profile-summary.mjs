// Summarizes V8 .cpuprofile files (from `node --cpu-prof`, e.g. BENCH_CPU_PROF=dir npm run bench):
// top functions by self time, self time by package, and the hottest inclusive frames of our code.
//   node bench/profile-summary.mjs <file-or-dir> [--top 30] [--window create [--results bench/results/latest.json]]
// --window keeps only the samples taken while that measured window of the run was going on (the
// bench records each window on the profiles' clock, CLOCK_MONOTONIC, in results.windows).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const TOP = Number(opt('top', 30));
const WINDOW = opt('window');
const RESULTS = opt('results', new URL('./results/latest.json', import.meta.url).pathname);
const targets = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
if (!targets.length) {
  console.error(
    'usage: node bench/profile-summary.mjs <file.cpuprofile | dir> [--top N] [--window NAME [--results FILE]]',
  );
  process.exit(2);
}
let range = null;
if (WINDOW) {
  const windows = JSON.parse(readFileSync(RESULTS, 'utf8')).windows ?? {};
  range = windows[WINDOW];
  if (!range) {
    console.error(`no window "${WINDOW}" in ${RESULTS}; known: ${Object.keys(windows).join(', ')}`);
    process.exit(2);
  }
}
const files = targets.flatMap((t) =>
  statSync(t).isDirectory()
    ? readdirSync(t)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(t, f))
    : [t],
);

/** "node_modules/@mikro-orm/knex/..." → "@mikro-orm/knex"; our dist → "app:<path>"; node internals → "node:". */
function packageOf(url) {
  if (!url) return '(native/vm)';
  if (url.startsWith('node:')) return 'node: internals';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = url.indexOf('/dist/src/');
  if (dist >= 0)
    return `app:${url
      .slice(dist + '/dist/src/'.length)
      .split('/')
      .slice(0, 2)
      .join('/')}`;
  return url.replace(/^file:\/\//, '');
}

const short = (url) => {
  if (!url) return '';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
};

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Sample counts → self time per node.
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += deltas[i];
    if (range && (t < range.startUs || t > range.endUs)) continue;
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idleIds = new Set(
    profile.nodes
      .filter((n) =>
        ['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName),
      )
      .map((n) => n.id),
  );
  const idle = [...idleIds]
    .filter((id) => nodes.get(id).callFrame.functionName === '(idle)')
    .reduce((a, id) => a + (selfUs.get(id) ?? 0), 0);

  const byFunction = new Map();
  const byPackage = new Map();
  const inclusiveApp = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = nodes.get(id);
    const name = callFrame.functionName || '(anonymous)';
    const key = `${name}  ${short(callFrame.url)}:${callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const pkg = callFrame.url ? packageOf(callFrame.url) : name;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    // Inclusive time of each of our own functions on the stack (counted once per sample).
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const f = nodes.get(p).callFrame;
      if (!f.url.includes('/dist/src/')) continue;
      const k = `${f.functionName || '(anonymous)'}  ${short(f.url)}:${f.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      inclusiveApp.set(k, (inclusiveApp.get(k) ?? 0) + us);
    }
  }
  const busy = total - idle;
  const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const top = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(
    `\n=== ${file}${WINDOW ? ` (window "${WINDOW}")` : ''}\nwall ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)}%), idle ${(idle / 1e6).toFixed(1)} s; percentages are of busy time\n`,
  );
  console.log(`-- self time by package (top ${Math.min(TOP, 25)})`);
  for (const [k, us] of top(byPackage, Math.min(TOP, 25)))
    if (k !== '(idle)') console.log(`${ms(us)} ${pct(us)}  ${k}`);
  console.log(`\n-- self time by function (top ${TOP})`);
  for (const [k, us] of top(byFunction, TOP + 1))
    if (!k.startsWith('(idle)')) console.log(`${ms(us)} ${pct(us)}  ${k}`);
  console.log(`\n-- inclusive time of app functions (top ${Math.min(TOP, 25)})`);
  for (const [k, us] of top(inclusiveApp, Math.min(TOP, 25)))
    console.log(`${ms(us)} ${pct(us)}  ${k}`);
}
