/**
 * CI check of the OpenAPI document (`npm run openapi:check`):
 *   1. exports the document again (no database, see export-openapi.ts) to a temporary file;
 *   2. validates it against the OpenAPI 3 schema with @apidevtools/swagger-parser (refs included);
 *   3. checks the quality rules of scripts/openapi-quality.ts (summaries, descriptions, examples,
 *      problem+json errors, bearer scheme) and the contract rules of scripts/openapi-contract-rules.ts
 *      (security schemes both ways, body statuses, servers, ambiguous paths per method, no remote $ref);
 *   4. lints it with Redocly CLI's recommended ruleset (redocly.yaml, offline: scripts/redocly-lint.ts);
 *   5. fails when docs/openapi.json differs from the fresh export (run `npm run openapi:export`).
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildOpenApiText, DEFAULT_OUT, writeText } from './export-openapi';
import { openApiContractFindings } from './openapi-contract-rules';
import { KNOWN_GAPS, openApiQualityFindings } from './openapi-quality';
import { redoclyLint } from './redocly-lint';

/** The first line where two texts differ, with a little context, for the failure message. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return `  first difference at line ${i + 1}:\n    committed: ${a[i] ?? '<end of file>'}\n    exported:  ${b[i] ?? '<end of file>'}`;
    }
  }
  return '';
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-check-'));
  const fresh = join(dir, 'openapi.json');
  const committedName = relative(process.cwd(), DEFAULT_OUT);
  const problems: string[] = [];
  try {
    const text = await buildOpenApiText();
    writeText(fresh, text);

    try {
      // validate() dereferences in place: give it the file, not our parsed copy.
      const api = await SwaggerParser.validate(fresh);
      console.log(
        `valid: ${api.info.title} ${api.info.version} (OpenAPI ${(api as { openapi?: string }).openapi ?? '?'})`,
      );
    } catch (error) {
      problems.push(
        `the exported document is not a valid OpenAPI document:\n  ${(error as Error).message}`,
      );
    }

    const document = JSON.parse(text) as Record<string, unknown>;
    const all = [...openApiQualityFindings(document), ...openApiContractFindings(document)];
    for (const known of all.filter((f) => f in KNOWN_GAPS)) {
      console.warn(`warning (known gap): ${known}\n  ${KNOWN_GAPS[known]}`);
    }
    const findings = all.filter((f) => !(f in KNOWN_GAPS));
    if (findings.length > 0) {
      problems.push(
        `${findings.length} finding(s) (scripts/openapi-quality.ts, scripts/openapi-contract-rules.ts):\n  ${findings.join('\n  ')}`,
      );
    } else {
      console.log(
        'quality: every operation has a summary, a description, examples, problem+json errors and its security',
      );
    }

    const lint = redoclyLint(fresh);
    if (lint !== null) problems.push(`Redocly lint (redocly.yaml) failed:\n${lint}`);

    if (!existsSync(DEFAULT_OUT)) {
      problems.push(
        `${committedName} does not exist: run \`npm run openapi:export\` and commit it`,
      );
    } else {
      const committed = readFileSync(DEFAULT_OUT, 'utf8');
      if (committed !== text) {
        problems.push(
          `${committedName} is stale: it differs from what the code generates. Run \`npm run openapi:export\` and commit it.\n` +
            firstDifference(committed, text),
        );
      } else {
        console.log(`up to date: ${committedName}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (problems.length > 0) {
    console.error(`\nopenapi:check FAILED\n- ${problems.join('\n- ')}`);
    return 1;
  }
  console.log('openapi:check passed');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('openapi:check could not run:', error);
    process.exit(1);
  },
);
