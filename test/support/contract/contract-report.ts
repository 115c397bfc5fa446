/**
 * The run's check that every answer the tests saw is documented (called from globalTeardown):
 * the records of every test file (contract-hooks.ts) are merged and each (method, route, status,
 * content type) is looked up in docs/openapi.json. An undocumented one fails the Jest run with a
 * list of exactly what to document.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenApiOperations } from './openapi-operations';
import type { ResponseRecord } from './response-observer';

export const RECORDS_DIR_ENV = 'CONTRACT_RECORDS_DIR';

/** globalSetup: a fresh directory for this run's records, named in the environment the workers inherit. */
export function startRecording(): void {
  process.env[RECORDS_DIR_ENV] = mkdtempSync(join(tmpdir(), 'contract-records-'));
}

interface RecordFile {
  records: ResponseRecord[];
  unmatched: Record<string, number>;
}

/** The undocumented answers of a set of records, one line each, saying what to document. */
export function undocumented(records: ResponseRecord[], operations = new OpenApiOperations()) {
  const lines = new Set<string>();
  for (const r of records) {
    const op = operations.byTemplate(r.method, r.path);
    const gap = op
      ? operations.gap(op, r.status, r.contentType ?? undefined)
      : 'the operation is gone from the document';
    if (gap) {
      lines.add(`${r.method} ${r.path} -> ${r.status} ${r.contentType ?? '(no body)'}: ${gap}`);
    }
  }
  return [...lines].sort();
}

/** globalTeardown: reads every record, removes them, and throws when an answer is undocumented. */
export function finishRecording(): void {
  const dir = process.env[RECORDS_DIR_ENV];
  if (!dir) return;
  const files = readdirSync(dir).map(
    (f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RecordFile,
  );
  rmSync(dir, { recursive: true, force: true });
  if (files.length === 0) return;
  const records = files.flatMap((f) => f.records);
  const unmatched = new Map<string, number>();
  for (const f of files)
    for (const [k, n] of Object.entries(f.unmatched)) unmatched.set(k, (unmatched.get(k) ?? 0) + n);
  const unmatchedCount = [...unmatched.values()].reduce((a, b) => a + b, 0);
  const operations = new OpenApiOperations();
  const gaps = undocumented(records, operations);
  const seen = new Set(records.map((r) => `${r.method} ${r.path}`)).size;
  // The run's one summary line: how much of the document the e2e answers covered.
  // eslint-disable-next-line no-console
  console.log(
    `\ncontract: ${new Set(records.map((r) => JSON.stringify(r))).size} distinct answers of ${seen} operations checked against docs/openapi.json` +
      (unmatchedCount > 0
        ? `; ${unmatchedCount} answers to requests no operation matches (unknown routes) not checked, e.g.\n  ` +
          [...unmatched.keys()].sort().slice(0, 8).join('\n  ')
        : ''),
  );
  if (gaps.length > 0) {
    throw new Error(
      `the e2e tests saw ${gaps.length} answer(s) that docs/openapi.json does not document. ` +
        'Document each on its route (@ApiProblems(status) or @ApiResponse), then `npm run openapi:export`:\n  ' +
        gaps.join('\n  '),
    );
  }
}
