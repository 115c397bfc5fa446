/**
 * Redocly CLI's `lint` (recommended ruleset, redocly.yaml) on one document, offline: telemetry and
 * the update check are switched off here, whatever the caller's environment says.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const CLI = require.resolve('@redocly/cli/bin/cli.js', { paths: [ROOT] });

/** Lints `file`; returns the output when the lint reports an error (or could not run), else null. */
export function redoclyLint(file: string): string | null {
  const result = spawnSync(
    process.execPath,
    [CLI, 'lint', file, '--config', resolve(ROOT, 'redocly.yaml'), '--format', 'codeframe'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      },
      timeout: 120_000,
    },
  );
  // Drop the Node 20 deprecation banner: box-drawing lines carry nothing about the document.
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line))
    .join('\n')
    .trim();
  if (result.error) return `redocly could not run: ${result.error.message}`;
  if (result.status !== 0) return output;
  // Warnings do not fail the check, but are shown in full so they get fixed.
  console.log(/warning/i.test(output) ? output : `redocly: ${output.split('\n').pop()}`);
  return null;
}
