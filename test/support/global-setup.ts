import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { migrateWithLock } from '../../src/database/migrate';
import { standaloneOrmOptions } from '../../src/database/orm-options';
import { startRecording } from './contract/contract-report';
import { databaseUrl, TEMPLATE_ENV, SERVER_ENV } from './test-database';

declare global {
  var __embeddedPostgres: { stop(): Promise<void> } | undefined;
}

/**
 * One PostgreSQL for the whole run: the one in DATABASE_URL, or an embedded one. A template
 * database is migrated once; every test file then copies it (CREATE DATABASE ... TEMPLATE), so
 * files run in parallel and never see each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  startRecording();
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'payments-test-')), {
      persistent: false,
    });
    globalThis.__embeddedPostgres = server;
    serverUrl = server.url;
  }
  const template = `payments_tpl_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  await admin.end();
  const orm = await MikroORM.init(standaloneOrmOptions(databaseUrl(serverUrl, template), 2));
  await migrateWithLock(orm);
  await orm.close(true);
  process.env[SERVER_ENV] = serverUrl;
  process.env[TEMPLATE_ENV] = template;
}
