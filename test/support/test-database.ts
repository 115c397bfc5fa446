import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const SERVER_ENV = 'PAYMENTS_TEST_SERVER_URL';
export const TEMPLATE_ENV = 'PAYMENTS_TEST_TEMPLATE_DB';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = process.env[SERVER_ENV];
  const template = process.env[TEMPLATE_ENV];
  if (!serverUrl || !template) throw new Error('the Jest global setup did not run');
  const name = `${template}_f${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(serverUrl, name);
}
