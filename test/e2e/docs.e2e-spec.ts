import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, each space a dash. */
const anchorOf = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');
const anchorsOf = (file: string) =>
  new Set([...read(file).matchAll(/^#+ (.+)$/gm)].map((m) => anchorOf(m[1].trim())));

/**
 * The documentation is the repository's own: every link of the README and docs/ (and the client's
 * README) names a file inside the repository (and a heading that exists), and the contract page
 * names every operation of the OpenAPI document.
 */
describe('documentation', () => {
  const files = ['README.md', ...markdownFiles('docs'), ...markdownFiles('clients')];

  it.each(files)('%s links only to files (and headings) inside the repository', (file) => {
    const broken: string[] = [];
    for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^(https?|mailto):/.test(target)) continue;
      const [path, anchor] = target.split('#');
      const resolved = path ? resolve(ROOT, dirname(file), path) : join(ROOT, file);
      const inside = !relative(ROOT, resolved).startsWith('..');
      const ok =
        inside &&
        existsSync(resolved) &&
        (!anchor || !resolved.endsWith('.md') || anchorsOf(relative(ROOT, resolved)).has(anchor));
      if (!ok) broken.push(target);
    }
    expect(broken).toEqual([]);
  });

  it('docs/api.md names every operation of docs/openapi.json', () => {
    const contract = read('docs/api.md');
    const document = JSON.parse(read('docs/openapi.json')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .map((method) => method.toUpperCase())
        .filter((method) => {
          const short = path.replace(/^\/api\/v1\/payments\/(subscriptions\/)?/, '.../$1');
          return ![`${method} ${path}`, `${method} ${short}`].some((s) => contract.includes(s));
        })
        .map((method) => `${method} ${path}`),
    );
    expect(missing).toEqual([]);
  });
});
