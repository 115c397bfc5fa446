/**
 * The real service (a child process, as production starts it) refuses to start with a corridor
 * file it cannot use, and says which entry is wrong: a typo in the table must never reach clients.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../support/test-database';

const REPO_ROOT = join(__dirname, '..', '..', '..');

function startService(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', PORT: '0', SCHEDULERS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('CORRIDORS_FILE at start', () => {
  it('a file naming an unknown format stops the service with a message naming the entry', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'corridors-')), 'corridors.json');
    writeFileSync(
      file,
      JSON.stringify({
        DE: {
          EUR: {
            fee: '0.50',
            beneficiaryRequirements: [{ field: 'accountNumber', format: 'ibn', required: true }],
          },
        },
      }),
    );
    const { code, output } = await startService({
      CORRIDORS_FILE: file,
      DATABASE_URL: await createTestDatabase(),
    });
    expect(code).not.toBe(0);
    expect(output).toContain(
      `CORRIDORS_FILE=${file}: corridor DE/EUR: beneficiaryRequirements[0].format "ibn" is not a known format`,
    );
  }, 60_000);
});
