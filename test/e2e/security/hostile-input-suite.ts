/**
 * Property-based hostile input for every endpoint (fast-check): bodies (arbitrary JSON, mutated
 * valid bodies, huge numbers, unicode, NUL and lone surrogates, prototype-pollution keys, raw
 * junk, deep nesting), headers (Content-Type, Authorization forms, encodings), ids (path
 * traversal, %00, bad percent-encoding, very long) and query strings. The generators are in
 * hostile-values, -documents, -requests, -cases and -endpoints.ts, the properties in
 * hostile-checks.ts.
 *
 * Properties, checked on every case:
 *   1. no 5xx (and an answer within a few seconds);
 *   2. every non-2xx is application/problem+json whose `status` is the HTTP status, with a string `code`;
 *   3. a rejected (non-2xx) request changes no row of any table (an md5 fingerprint per table
 *      before and after), and a GET never changes anything;
 *   4. Object.prototype is never polluted.
 * Violations are collected (not thrown at the first one) so that one run reports every kind of
 * defect, with an example request each; the test then fails if there was any.
 *
 * The seed is fixed (each spec passes its own default) so that every CI run draws the same cases,
 * and printed; HOSTILE_SEED=<n> replays a run or explores other cases.
 *
 * Used by test/e2e/security/hostile-input.e2e-spec.ts (about 1,000 cases, in `npm test`) and
 * test/faults/hostile-input.fault-spec.ts (10,000 cases, in `npm run test:faults`).
 */
import fc from 'fast-check';
import type { Client } from 'pg';
import { testSeed } from '../../support/seeds';
import { ADMIN_KEY, createTestApp, DEMO_KEY, type TestApp } from '../../support/test-app';
import { createTestDatabase } from '../../support/test-database';
import { type Fixtures, FRESH_QUOTE, P } from './hostile-case-types';
import {
  type EndpointStats,
  type Violation,
  defectsOf,
  describeAnswer,
  describeCase,
  prototypeKeys,
  record,
} from './hostile-checks';
import { ENDPOINTS } from './hostile-endpoints';
import { setupFixtures } from './hostile-fixtures';
import { rawRequest, type RawResponse } from './raw-http';
import { connect, listen, StateWatcher, report, tally } from './security-kit';

/**
 * Defines the hostile-input test: `totalCases` spread over the endpoints by weight, drawn from
 * HOSTILE_SEED if set, else `defaultSeed` (endpoint i runs with seed + i).
 */
export function hostileInputSuite(totalCases: number, defaultSeed: number): void {
  describe(`hostile input: ${totalCases} property-based cases over every endpoint`, () => {
    let t: TestApp;
    let db: Client;
    let base: string;
    let fx: Fixtures;

    beforeAll(async () => {
      const url = await createTestDatabase();
      fx = await setupFixtures(url);
      t = await createTestApp({
        env: { RATE_LIMIT_PER_MINUTE: '0', SCHEDULERS: 'false', ADMIN_API_KEY: ADMIN_KEY },
        databaseUrl: url,
      });
      base = await listen(t);
      db = await connect(url);
    }, 60_000);
    afterAll(async () => {
      await db?.end();
      await t?.close();
    });

    it(
      'no 5xx, every error is problem+json with its status and a string code, rejected requests change nothing, no prototype pollution',
      async () => {
        const seed = testSeed('HOSTILE_SEED', defaultSeed);
        const weights = ENDPOINTS.reduce((s, e) => s + e.weight, 0);
        const protoKeys = prototypeKeys();
        const violations: Violation[] = [];
        const perEndpoint: Record<string, EndpointStats> = {};
        let totalRun = 0;
        let acceptedThatWrote = 0;
        const started = Date.now();
        const state = new StateWatcher(db);

        const createQuote = async () => {
          const res = await rawRequest(base, {
            method: 'POST',
            path: `${P}/quote`,
            headers: { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' },
            body: '{"currency":"USD","country":"US"}',
          });
          return (res.body as { id: string }).id;
        };

        for (const [index, endpoint] of ENDPOINTS.entries()) {
          const numRuns = Math.max(1, Math.round((totalCases * endpoint.weight) / weights));
          const stats: EndpointStats = { cases: 0, statuses: {}, codes: {}, maxMs: 0 };
          perEndpoint[endpoint.name] = stats;
          await fc.assert(
            fc.asyncProperty(endpoint.arbitrary(fx), async (c) => {
              let body = c.body;
              if (body?.includes(FRESH_QUOTE))
                body = body.split(FRESH_QUOTE).join(await createQuote());
              const before = await state.current();
              let res: RawResponse;
              try {
                res = await rawRequest(base, {
                  method: c.method,
                  path: c.path,
                  headers: c.headers,
                  body,
                  chunked: c.chunked,
                  timeoutMs: 15_000,
                });
              } catch (error) {
                violations.push({
                  endpoint: endpoint.name,
                  kind: `no answer: ${(error as Error).message.slice(0, 100)}`,
                  request: describeCase(c, body),
                  answer: '-',
                });
                return true;
              }
              const after = await state.current();
              record(stats, res);
              totalRun++;
              const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
              if (changed.length > 0 && res.status < 300) acceptedThatWrote++;
              for (const kind of defectsOf(c, body, res, changed, protoKeys))
                violations.push({
                  endpoint: endpoint.name,
                  kind,
                  request: describeCase(c, body),
                  answer: describeAnswer(res),
                });
              return true;
            }),
            { numRuns, seed: seed + index, endOnFailure: true },
          );
        }

        const elapsedMs = Date.now() - started;
        const byKind = new Map<string, Violation[]>();
        for (const v of violations) {
          const key = `${v.endpoint} | ${v.kind}`;
          byKind.set(key, [...(byKind.get(key) ?? []), v]);
        }
        report('hostile input', {
          seed,
          totalCases: totalRun,
          elapsedMs,
          acceptedThatWrote,
          violations: violations.length,
          statuses: tally(
            Object.values(perEndpoint).flatMap((s) =>
              Object.entries(s.statuses).flatMap(([k, n]) => Array<string>(n).fill(k)),
            ),
          ),
        });
        for (const [name, s] of Object.entries(perEndpoint))
          report(`hostile input: ${name}`, {
            cases: s.cases,
            statuses: s.statuses,
            maxMs: s.maxMs,
            codes: s.codes,
          });
        for (const [key, list] of byKind)
          report(`hostile input VIOLATION ${key}`, {
            count: list.length,
            examples: list.slice(0, 2).map((v) => ({ request: v.request, answer: v.answer })),
          });

        expect(totalRun).toBeGreaterThanOrEqual(totalCases * 0.95);
        // The state check can see writes: the accepted creates it watched did change rows.
        expect(acceptedThatWrote).toBeGreaterThan(0);
        expect(
          [...byKind.entries()].map(
            ([key, list]) => `${key} (x${list.length}): ${list[0].request} -> ${list[0].answer}`,
          ),
        ).toEqual([]);
      },
      Math.max(60_000, totalCases * 120),
    );
  });
}
