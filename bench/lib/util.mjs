// Small helpers shared by the benchmark phases: env knobs, timing, statistics, the table.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const now = () => performance.now();

/** A number from the environment, or the default. */
export function envNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name}=${raw} is not a number`);
  return value;
}

export function envFlag(name, fallback = false) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'on', 'yes'].includes(raw.toLowerCase());
}

/** Percentile (0..100) of an array of numbers, nearest-rank; NaN when empty. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(values) {
  return percentile(values, 50);
}

export function round(value, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Least-squares slope of y over x (units of y per unit of x). */
export function slope(points) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Resident set size of a process in MB, from /proc (Linux), or null. */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs`, tagging each sample with the current phase. */
export class RssSampler {
  constructor(pid, everyMs = 500) {
    this.pid = pid;
    this.samples = [];
    this.phase = 'idle';
    this.started = now();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }
  sample() {
    const mb = rssMb(this.pid);
    if (mb !== null) this.samples.push({ t: (now() - this.started) / 1000, phase: this.phase, mb });
  }
  of(phase) {
    return this.samples.filter((s) => s.phase === phase);
  }
  stop() {
    clearInterval(this.timer);
  }
}

const fmt = (v, unit) => {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '—';
  if (typeof v === 'string') return v;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};

/** The result table: figure, value, ceiling, ratio, target, pass/fail. */
export function renderTable(rows) {
  const header = ['figure', 'value', 'ceiling (same run)', 'ratio', 'target', 'result'];
  const body = rows.map((r) => [
    r.label,
    fmt(r.value, r.unit),
    r.ceiling === undefined || r.ceiling === null
      ? '—'
      : `${fmt(r.ceiling, r.ceilingUnit ?? r.unit)}${r.ceilingLabel ? ` (${r.ceilingLabel})` : ''}`,
    r.ratio === undefined || r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target ?? '—',
    r.pass === true ? 'PASS' : r.pass === false ? 'FAIL' : 'info',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

export function log(message) {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[bench ${t}] ${message}`);
}

function cpuTimes() {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const idle = line[3] + (line[4] ?? 0);
  const total = line.reduce((a, b) => a + b, 0);
  return { idle, total };
}

/**
 * Share of the machine's CPU busy over `ms` (0..100), measured while the benchmark itself is idle:
 * it is what other processes take, the noise under the next phase. Null off Linux.
 */
export async function busyCpuPercent(ms = 1000) {
  try {
    const a = cpuTimes();
    await sleep(ms);
    const b = cpuTimes();
    const total = b.total - a.total;
    return total > 0 ? (100 * (total - (b.idle - a.idle))) / total : null;
  } catch {
    return null;
  }
}

let clockTicks;
function ticksPerSecond() {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** [ppid, own CPU s, CPU s of reaped children] of a process, from /proc/<pid>/stat. */
function procStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const hz = ticksPerSecond();
  return [Number(f[1]), (Number(f[11]) + Number(f[12])) / hz, (Number(f[13]) + Number(f[14])) / hz];
}

/** CPU seconds a process has used so far (its own, not its children's). */
export function processCpuSeconds(pid) {
  return procStat(pid)[1];
}

/**
 * CPU seconds used so far by the service process, by its embedded PostgreSQL (postmaster, its
 * live backends and the ones already gone) and by this benchmark process. CPU time, unlike wall
 * time, hardly moves when other processes share the machine: it says what each request costs.
 */
export class CpuMeter {
  constructor({ servicePid, postmasterPid }) {
    this.servicePid = servicePid;
    this.postmasterPid = postmasterPid;
  }
  snapshot() {
    const out = { service: null, postgres: null, bench: null };
    try {
      out.service = procStat(this.servicePid)[1];
    } catch {
      // gone
    }
    if (this.postmasterPid) {
      try {
        const [, own, reaped] = procStat(this.postmasterPid);
        let total = own + reaped;
        for (const entry of readdirSync('/proc')) {
          if (!/^\d+$/.test(entry)) continue;
          try {
            const [ppid, cpu] = procStat(Number(entry));
            if (ppid === this.postmasterPid) total += cpu;
          } catch {
            // exited meanwhile
          }
        }
        out.postgres = total;
      } catch {
        // not readable
      }
    }
    const u = process.cpuUsage();
    out.bench = (u.user + u.system) / 1e6;
    return out;
  }
  static diff(a, b) {
    const d = (k) => (a[k] === null || b[k] === null ? null : (b[k] - a[k]) * 1000);
    return { serviceMs: d('service'), postgresMs: d('postgres'), benchMs: d('bench') };
  }
}
