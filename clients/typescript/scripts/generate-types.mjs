/**
 * The client's types, generated from docs/openapi.json with openapi-typescript.
 *
 *   npm run client:generate   # writes clients/typescript/src/openapi-types.ts
 *   npm run client:check      # fails when that file is not what the document generates now
 *
 * One script does both, so that the check compares with exactly what generation would write.
 * Nothing is fetched: the document is read from the repository.
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../../', import.meta.url);
const documentPath = fileURLToPath(new URL('docs/openapi.json', root));
const outPath = fileURLToPath(new URL('clients/typescript/src/openapi-types.ts', root));

const HEADER = `/**
 * Generated from docs/openapi.json by openapi-typescript (npm run client:generate). Do not edit:
 * change the service's Swagger decorators, run npm run openapi:export, then client:generate.
 */

`;

const document = JSON.parse(readFileSync(documentPath, 'utf8'));
// Keep the Redocly-based loader inside openapi-typescript silent and offline.
process.env.REDOCLY_TELEMETRY = 'off';
const text = HEADER + astToString(await openapiTS(document));

if (process.argv.includes('--check')) {
  const current = readFileSync(outPath, 'utf8');
  if (current !== text) {
    console.error(`${outPath} is out of date with docs/openapi.json: run npm run client:generate`);
    process.exit(1);
  }
  console.log('up to date: clients/typescript/src/openapi-types.ts');
} else {
  writeFileSync(outPath, text);
  console.log(`types written to ${outPath}`);
}
