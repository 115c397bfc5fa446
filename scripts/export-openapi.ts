/**
 * Writes the OpenAPI document that the service serves at /docs-json to docs/openapi.json, without
 * a database: Nest's preview mode builds the module graph (controllers, routes, Swagger metadata)
 * but instantiates no provider, so nothing connects to PostgreSQL and no scheduler starts.
 *
 *   npm run openapi:export                 # writes docs/openapi.json
 *   ts-node --transpile-only scripts/export-openapi.ts --out /tmp/openapi.json
 *
 * The document is the one of the default configuration (NODE_ENV=development), so it includes the
 * sandbox routes that exist outside production. The process environment is deliberately ignored:
 * the export must not change with the shell it runs in.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { buildOpenApiDocument } from '../src/configure-app';

export const DEFAULT_OUT = resolve(__dirname, '..', 'docs', 'openapi.json');

/** The conventional order of an OpenAPI document's top-level keys; everything below is sorted. */
const TOP_LEVEL = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'];

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** Stable text: keys sorted (top level in the usual order), 2-space indent, trailing newline. */
export function stringifyDocument(document: object): string {
  const sorted = sortKeys(document) as Record<string, unknown>;
  const keys = Object.keys(sorted).sort((a, b) => {
    const ia = TOP_LEVEL.indexOf(a);
    const ib = TOP_LEVEL.indexOf(b);
    return (
      (ia < 0 ? TOP_LEVEL.length : ia) - (ib < 0 ? TOP_LEVEL.length : ib) || a.localeCompare(b)
    );
  });
  return `${JSON.stringify(Object.fromEntries(keys.map((k) => [k, sorted[k]])), null, 2)}\n`;
}

/** Builds the document in preview mode (no database, no providers) and returns its stable text. */
export async function buildOpenApiText(): Promise<string> {
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    // Never connected to in preview mode; DatabaseModule only insists that it is set.
    DATABASE_URL: 'postgres://openapi-export@127.0.0.1:1/unused',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    abortOnError: false,
    logger: false,
  });
  try {
    return stringifyDocument(buildOpenApiDocument(app));
  } finally {
    await app.close();
  }
}

export function writeText(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--out');
  const out = i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : DEFAULT_OUT;
  const text = await buildOpenApiText();
  writeText(out, text);
  const paths = Object.keys((JSON.parse(text) as { paths: object }).paths).length;
  console.log(`OpenAPI document (${paths} paths) written to ${out}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('openapi export failed:', error);
    process.exit(1);
  });
}
