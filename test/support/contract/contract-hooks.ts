/**
 * Jest hooks of the response contract (jest.config.js `setupFilesAfterEnv`), for every test file:
 *   - afterEach: an answer that did not match its schema fails the test that was running when it
 *     was sent, with what differs;
 *   - afterAll: the file's records are written for the run's check in globalTeardown.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_DIR_ENV } from './contract-report';
import { contractState } from './response-observer';

function throwViolations(when: string): void {
  const state = contractState();
  if (state.violations.length === 0) return;
  const violations = state.violations.splice(0);
  throw new Error(
    `${violations.length} answer(s) ${when} break the contract of docs/openapi.json. ` +
      'Fix the answer or the document (then `npm run openapi:export`):\n  ' +
      violations.join('\n  '),
  );
}

afterEach(() => throwViolations('during this test'));

afterAll(() => {
  const state = contractState();
  const dir = process.env[RECORDS_DIR_ENV];
  if (dir && (state.records.size > 0 || state.unmatched.size > 0)) {
    writeFileSync(
      join(dir, `${process.pid}-${randomUUID()}.json`),
      JSON.stringify({
        records: [...state.records.values()],
        unmatched: Object.fromEntries(state.unmatched),
      }),
    );
  }
  state.records.clear();
  state.unmatched.clear();
  // Answers sent in beforeAll/afterAll hooks belong to no test: they fail the file.
  throwViolations('in beforeAll/afterAll hooks');
});
