/**
 * The properties every hostile case must hold, as a list of defects per answer: no 5xx, every
 * error problem+json with its status and a string code, no redirect, an answer within a few
 * seconds, no row changed by a rejected request or a GET, Object.prototype never polluted.
 */
import type { RawResponse } from './raw-http';
import { problemDefect } from './security-kit';
import type { Case } from './hostile-case-types';

const SLOW_ANSWER_MS = 5_000;

/** A guess at what in a request made the server fail, so that one run sorts its 5xx by cause. */
function likelyCause(c: Case, body?: string): string {
  const causes: string[] = [];
  const encoding = c.headers['content-encoding'];
  if (body !== undefined && encoding && !/^identity$/i.test(encoding))
    causes.push(`content-encoding ${encoding}`);
  if (body && /(\[\s*){500}|(\{"a":){500}/.test(body)) causes.push('deep nesting');
  if (body?.includes('\\u0000') || body?.includes('\u0000') || /%00/.test(c.path))
    causes.push('NUL character');
  if (
    body &&
    /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\\ud[c-f][0-9a-f]{2}/i.test(
      body,
    )
  )
    causes.push('lone surrogate');
  return causes.join(' + ') || 'other';
}

export interface EndpointStats {
  cases: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  maxMs: number;
}

export interface Violation {
  endpoint: string;
  kind: string;
  request: string;
  answer: string;
}

export const describeCase = (c: Case, body?: string) =>
  `${c.method} ${c.path.slice(0, 300)} headers=${JSON.stringify(c.headers).slice(0, 300)} body=${JSON.stringify((body ?? c.body)?.slice(0, 300))}${c.chunked ? ' (chunked)' : ''}`;

export const describeAnswer = (res: RawResponse) =>
  `${res.status} ${res.headers['content-type'] ?? ''} ${res.text.slice(0, 300)}`;

/** Own property names of Object.prototype, to compare after every case. */
export const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Counts the answer in `stats`. */
export function record(stats: EndpointStats, res: RawResponse): void {
  stats.cases++;
  stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
  const code = (res.body as { code?: unknown } | undefined)?.code;
  if (res.status >= 300)
    stats.codes[`${res.status} ${String(code)}`] =
      (stats.codes[`${res.status} ${String(code)}`] ?? 0) + 1;
  stats.maxMs = Math.max(stats.maxMs, Math.round(res.durationMs));
}

/**
 * What is wrong with the answer `res` to case `c` (sent with `body`), given the tables whose
 * fingerprint `changed` and Object.prototype's keys before the run; empty when nothing is.
 * Removes a `polluted` key from Object.prototype, so that one pollution is reported once.
 */
export function defectsOf(
  c: Case,
  body: string | undefined,
  res: RawResponse,
  changed: string[],
  protoKeys: string,
): string[] {
  const defects: string[] = [];
  const code = (res.body as { code?: unknown } | undefined)?.code;
  if (res.status >= 500)
    defects.push(`${res.status} ${String(code)} [likely cause: ${likelyCause(c, body)}]`);
  else if (res.status >= 400) {
    if (problemDefect(res))
      defects.push(
        `not problem+json: ${res.status} ${String(res.headers['content-type']).split(';')[0]}`,
      );
  } else if (res.status >= 300) defects.push(`unexpected ${res.status}`);
  if (res.durationMs > SLOW_ANSWER_MS)
    defects.push(`slow answer (${Math.round(res.durationMs)} ms)`);
  if (changed.length > 0 && (res.status >= 300 || c.method === 'GET'))
    defects.push(`state changed by a ${res.status} ${c.method}: ${changed.join(',')}`);
  if (prototypeKeys() !== protoKeys || ({} as Record<string, unknown>).polluted !== undefined) {
    defects.push('Object.prototype polluted');
    delete (Object.prototype as Record<string, unknown>).polluted;
  }
  return defects;
}
