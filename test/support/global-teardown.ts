import { Client } from 'pg';
import { finishRecording } from './contract/contract-report';
import { SERVER_ENV, TEMPLATE_ENV } from './test-database';

/** Drops the run's databases, then fails the run if the tests saw an undocumented answer. */
export default async function globalTeardown(): Promise<void> {
  await dropDatabases();
  finishRecording();
}

async function dropDatabases(): Promise<void> {
  const serverUrl = process.env[SERVER_ENV];
  const template = process.env[TEMPLATE_ENV];
  if (globalThis.__embeddedPostgres) {
    await globalThis.__embeddedPostgres.stop();
    return;
  }
  if (!serverUrl || !template) return;
  // On a shared server, drop what this run created.
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname = $1 or datname like $2`,
    [template, `${template}_f%`],
  );
  for (const { datname } of rows)
    await admin.query(`drop database if exists "${datname}" with (force)`);
  await admin.end();
}
